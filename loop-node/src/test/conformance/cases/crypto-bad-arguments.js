// Bad digest names and arguments throw synchronously with stable codes (messages are not compared).
const crypto = require('crypto');
const attempts = {
  'createHash(nope)': () => crypto.createHash('nope'),
  'createHmac(nope)': () => crypto.createHmac('nope', 'k'),
  'pbkdf2Sync digest nope': () => crypto.pbkdf2Sync('p', 's', 1, 10, 'nope'),
  'pbkdf2 digest nope': () => crypto.pbkdf2('p', 's', 1, 10, 'nope', () => console.log('callback (never)')),
  'pbkdf2 without callback': () => crypto.pbkdf2('p', 's', 1, 10, 'sha1'),
  'randomBytes(-1)': () => crypto.randomBytes(-1),
  'scryptSync N not power of 2': () => crypto.scryptSync('p', 's', 16, { N: 3 }),
};
for (const [name, fn] of Object.entries(attempts)) {
  try {
    fn();
    console.log(name, '-> no error');
  } catch (e) {
    console.log(name, '->', e.name, e.code || '(no code)');
  }
}
