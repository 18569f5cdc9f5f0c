// With an 'uncaughtException' listener, a throw in a callback is reported to it and the process keeps running and exits 0.
process.on('uncaughtException', (err, origin) => {
  console.log('handler got:', err.message, '| origin:', origin, '| is Error:', err instanceof Error);
});
setTimeout(() => { throw new Error('from timer'); }, 1);
setTimeout(() => console.log('later timer still runs'), 20);
process.on('exit', (code) => console.log('exit code', code));
