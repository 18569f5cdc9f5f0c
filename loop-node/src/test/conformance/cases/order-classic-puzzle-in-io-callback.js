// The classic puzzle inside an I/O (thread-pool) callback: sync, nextTick, promise, then setImmediate before setTimeout(0).
const crypto = require('crypto');
crypto.pbkdf2('pw', 'salt', 1, 16, 'sha256', () => {
  console.log('1: sync');
  setTimeout(() => console.log('2: setTimeout'), 0);
  setImmediate(() => console.log('3: setImmediate'));
  Promise.resolve().then(() => console.log('4: Promise'));
  process.nextTick(() => console.log('5: nextTick'));
  console.log('6: sync');
});
