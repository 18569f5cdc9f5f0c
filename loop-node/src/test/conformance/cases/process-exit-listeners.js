// 'exit' listeners run in order with the final code (process.exitCode if set); in them timers, immediates and nextTicks never run, promise jobs still do (natural exit).
{
  process.on('exit', (code) => console.log('exit listener 1, code', code));
  process.on('exit', (code) => console.log('exit listener 2, code', code, 'exitCode', process.exitCode));
  setTimeout(() => {
    process.exitCode = 3;
    console.log('set exitCode = 3');
  }, 1);
}
{
  process.on('exit', () => {
    console.log('exit listener');
    setTimeout(() => console.log('timeout (never)'), 0);
    setImmediate(() => console.log('immediate (never)'));
    process.nextTick(() => console.log('nextTick (never)'));
    Promise.resolve().then(() => console.log('promise job queued in exit listener'));
    console.log('exit listener end');
  });
  console.log('main');
}
