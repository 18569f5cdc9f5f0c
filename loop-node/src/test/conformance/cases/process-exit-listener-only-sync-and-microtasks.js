// In an 'exit' listener (natural end of the loop) timers, immediates and nextTicks never run; promise jobs queued there still run.
process.on('exit', () => {
  console.log('exit listener');
  setTimeout(() => console.log('timeout (never)'), 0);
  setImmediate(() => console.log('immediate (never)'));
  process.nextTick(() => console.log('nextTick (never)'));
  Promise.resolve().then(() => console.log('promise job queued in exit listener'));
  console.log('exit listener end');
});
console.log('main');
