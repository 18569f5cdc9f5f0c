// createHash md5/sha1/sha256/sha384/sha512 digests in hex, base64 and base64url, plus a raw Buffer digest.
const crypto = require('crypto');
for (const alg of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
  console.log(alg.padEnd(6), crypto.createHash(alg).update('abc').digest('hex'));
}
console.log('empty sha256', crypto.createHash('sha256').digest('hex'));
console.log('base64   ', crypto.createHash('sha256').update('abc').digest('base64'));
console.log('base64url', crypto.createHash('sha256').update('abc').digest('base64url'));
const raw = crypto.createHash('sha1').update('abc').digest();
console.log('Buffer digest:', Buffer.isBuffer(raw), raw.length);
console.log('algorithm names are case-insensitive:', crypto.createHash('SHA256').update('abc').digest('hex') === crypto.createHash('sha256').update('abc').digest('hex'));
