// With UV_THREADPOOL_SIZE=1, pool jobs run one at a time in FIFO order: a slow first job delays even tiny later ones.
// env: UV_THREADPOOL_SIZE=1
const crypto = require('crypto');
const order = [];
const note = (name) => () => { order.push(name); if (order.length === 5) console.log(order.join('\n')); };
crypto.pbkdf2('pw', 'salt', 200000, 64, 'sha512', note('1 slow pbkdf2'));
crypto.randomBytes(16, note('2 randomBytes'));
crypto.scrypt('pw', 'salt', 16, { N: 1024 }, note('3 scrypt'));
crypto.pbkdf2('pw', 'salt', 1, 16, 'sha1', note('4 tiny pbkdf2'));
crypto.randomBytes(1, note('5 randomBytes'));
