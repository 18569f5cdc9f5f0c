// Unref'd timers and intervals and timers/promises with { ref: false } do not keep the process alive: none fires and the process exits 0.
{
  const t = setTimeout(() => console.log('must not run'), 100);
  t.unref();
  const iv = setInterval(() => console.log('must not run either'), 10);
  iv.unref();
  process.on('exit', (code) => console.log('exit', code));
  console.log('main done');
}
{
  const { setTimeout: sleep } = require('timers/promises');
  sleep(200, null, { ref: false }).then(() => console.log('must not print'));
  process.on('exit', (code) => console.log('exited', code, 'without waiting'));
}
