// While async pbkdf2 runs on the pool, the loop keeps running timers; pbkdf2Sync blocks them for its whole duration.
// env: UV_THREADPOOL_SIZE=2
const crypto = require('crypto');
let ticks = 0;
const iv = setInterval(() => { ticks++; }, 5);
setTimeout(() => {
  const before = ticks;
  crypto.pbkdf2('pw', 'salt', 300000, 64, 'sha512', () => {
    console.log('timer ticks while async pbkdf2 ran > 3:', ticks - before > 3);
    const beforeSync = ticks;
    crypto.pbkdf2Sync('pw', 'salt', 300000, 64, 'sha512');
    console.log('timer ticks during pbkdf2Sync:', ticks - beforeSync);
    clearInterval(iv);
  });
}, 10);
