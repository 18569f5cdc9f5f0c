// pbkdf2Sync/scryptSync match the RFC 6070 / RFC 7914 vectors; async pbkdf2/scrypt agree and call back after synchronous code.
const crypto = require('crypto');
const { promisify } = require('util');
const vectors = [
  ['password', 'salt', 1, 20, 'sha1'],
  ['password', 'salt', 2, 20, 'sha1'],
  ['password', 'salt', 4096, 20, 'sha1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'],
  ['password', 'salt', 1, 32, 'sha256'],
  ['password', 'salt', 1000, 64, 'sha512'],
];
for (const [p, s, i, len, d] of vectors) {
  console.log('pbkdf2', d, i, crypto.pbkdf2Sync(p, s, i, len, d).toString('hex'));
}
console.log('scrypt', crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log('scrypt', crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log('scrypt default options:', crypto.scryptSync('pw', 'salt', 16).toString('hex'));
console.log('scrypt cost alias:', crypto.scryptSync('pw', 'salt', 16, { cost: 16384 }).equals(crypto.scryptSync('pw', 'salt', 16)));
(async () => {
  const a = await promisify(crypto.pbkdf2)('password', 'salt', 4096, 20, 'sha1');
  console.log('async pbkdf2', a.toString('hex'));
  const b = await promisify(crypto.scrypt)('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 });
  console.log('async scrypt', b.toString('hex').slice(0, 32));
  crypto.scrypt('pw', 'salt', 16, (err, key) => console.log('async scrypt callback', err, key.toString('hex')));
})();
console.log('sync done');
