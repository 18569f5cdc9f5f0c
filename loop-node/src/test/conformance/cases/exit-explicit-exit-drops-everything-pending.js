// process.exit(n) in a callback ends at once: 'exit' listeners run, but pending ticks, promises, immediates and timers do not.
process.on('exit', (code) => {
  console.log('exit listener, code', code);
  Promise.resolve().then(() => console.log('promise from exit listener (never: explicit exit)'));
});
setTimeout(() => {
  console.log('timer 1 calls process.exit(5)');
  process.nextTick(() => console.log('nextTick (never)'));
  Promise.resolve().then(() => console.log('promise (never)'));
  setImmediate(() => console.log('immediate (never)'));
  process.exit(5);
  console.log('after exit (never)');
}, 1);
setTimeout(() => console.log('timer 2 (never)'), 50);
