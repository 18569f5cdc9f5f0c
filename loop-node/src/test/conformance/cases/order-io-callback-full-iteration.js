// From a pool callback (poll phase): ticks, promises, check-phase immediates, then next iteration timers, then another pool callback.
const crypto = require('crypto');
crypto.randomBytes(8, () => {
  console.log('poll: randomBytes callback');
  setTimeout(() => {
    console.log('timers: timeout');
    crypto.randomBytes(8, () => console.log('poll: second randomBytes callback'));
  }, 0);
  setImmediate(() => {
    console.log('check: immediate');
    process.nextTick(() => console.log('tick after immediate'));
  });
  process.nextTick(() => console.log('tick after poll callback'));
  Promise.resolve().then(() => console.log('promise after poll callback'));
});
