// Ticks and promise jobs alternate: tick queue drains, promise queue drains, and any ticks queued by promises run next, and so on.
const log = (s) => console.log(s);
process.nextTick(() => {
  log('tick 1');
  Promise.resolve().then(() => {
    log('promise 1');
    process.nextTick(() => {
      log('tick 2');
      Promise.resolve().then(() => log('promise 2'));
    });
    Promise.resolve().then(() => log('promise 1b'));
  });
});
setTimeout(() => log('timeout'), 0);
