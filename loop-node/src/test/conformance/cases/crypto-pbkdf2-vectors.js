// pbkdf2Sync and async pbkdf2 produce the RFC 6070 / known vectors; the async callback runs after synchronous code.
const crypto = require('crypto');
const vectors = [
  ['password', 'salt', 1, 20, 'sha1'],
  ['password', 'salt', 2, 20, 'sha1'],
  ['password', 'salt', 4096, 20, 'sha1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'],
  ['password', 'salt', 1, 32, 'sha256'],
  ['password', 'salt', 1000, 64, 'sha512'],
];
for (const [p, s, i, len, d] of vectors) {
  console.log(d, i, crypto.pbkdf2Sync(p, s, i, len, d).toString('hex'));
}
crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1', (err, key) => {
  console.log('async', err, key.toString('hex'));
});
console.log('sync done');
