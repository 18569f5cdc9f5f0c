// Pool completions run in the poll phase: from a pbkdf2 callback, setImmediate (check) runs before setTimeout(0) (next timers phase).
// env: UV_THREADPOOL_SIZE=4
const crypto = require('crypto');
let remaining = 3;
for (let i = 0; i < 3; i++) {
  crypto.pbkdf2('pw', 'salt', 1000 * (i + 1), 32, 'sha256', () => {
    const log = [];
    setTimeout(() => {
      log.push('timeout');
      console.log(log.join(' -> '));
    }, 0);
    setImmediate(() => log.push('immediate'));
    process.nextTick(() => log.push('nextTick'));
    log.push('pool callback');
  });
}
