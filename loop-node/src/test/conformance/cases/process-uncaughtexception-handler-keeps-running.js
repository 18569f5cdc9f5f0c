// With an 'uncaughtException' listener, throws (of any value, in callbacks or the main script) reach it and the process keeps running, exit 0.
process.on('uncaughtException', (err, origin) => {
  const what = err instanceof Error ? 'Error ' + err.message : typeof err + ' ' + String(err);
  console.log('handler got:', what, '| origin:', origin);
});
process.on('exit', (code) => console.log('exit code', code));
setTimeout(() => { throw new Error('from timer'); }, 1);
setTimeout(() => { throw null; }, 2);
setTimeout(() => { throw 123; }, 3);
setTimeout(() => console.log('later timer still runs'), 20);
console.log('main script throws next; the rest of it is skipped');
throw new Error('from main script');
console.log('never printed');
