// scryptSync and async scrypt produce the RFC 7914 vectors; options N/r/p and their aliases work.
const crypto = require('crypto');
console.log(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log(crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log('default options, 16 bytes:', crypto.scryptSync('pw', 'salt', 16).toString('hex'));
console.log('cost alias:', crypto.scryptSync('pw', 'salt', 16, { cost: 16384 }).equals(crypto.scryptSync('pw', 'salt', 16)));
crypto.scrypt('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }, (err, key) => {
  console.log('async', err, key.toString('hex').slice(0, 32));
});
crypto.scrypt('pw', 'salt', 16, (err, key) => console.log('async default options', key.toString('hex')));
