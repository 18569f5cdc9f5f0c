// Two pool completions handled in the same poll phase: each callback's ticks and promises run before the next callback.
const crypto = require('crypto');
let rank = 0;
for (let i = 0; i < 2; i++) {
  crypto.pbkdf2('pw', 'salt', 1, 16, 'sha256', () => {
    const r = ++rank;
    console.log('pool callback #' + r);
    process.nextTick(() => console.log('  nextTick for #' + r));
    Promise.resolve().then(() => console.log('  promise for #' + r));
  });
}
// Block long enough that both jobs are complete before the first poll phase.
const until = Date.now() + 200;
while (Date.now() < until);
