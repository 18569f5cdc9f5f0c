// createHash digests (md5..sha512, hex/base64/base64url/Buffer), update chaining and input encodings, copy(), createHmac vectors, timingSafeEqual.
{
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
}
{
  const crypto = require('crypto');
  const whole = crypto.createHash('sha256').update('hello world').digest('hex');
  const parts = crypto.createHash('sha256').update('hello').update(' ').update('world').digest('hex');
  const hexIn = crypto.createHash('sha256').update('68656c6c6f20776f726c64', 'hex').digest('hex');
  const bufIn = crypto.createHash('sha256').update(Buffer.from('hello world')).digest('hex');
  const u8In = crypto.createHash('sha256').update(new TextEncoder().encode('hello world')).digest('hex');
  console.log(whole);
  console.log(parts === whole, hexIn === whole, bufIn === whole, u8In === whole);
  console.log('utf8 by default:', crypto.createHash('md5').update('€').digest('hex') === crypto.createHash('md5').update(Buffer.from('€')).digest('hex'));
  const h = crypto.createHash('sha1').update('x');
  h.digest();
  try { h.digest(); } catch (e) { console.log('second digest:', e.code); }
  const c = crypto.createHash('sha256').update('hello ');
  const copy = c.copy();
  console.log('copy():', copy.update('world').digest('hex') === whole, c.update('world').digest('hex') === whole);
}
{
  const crypto = require('crypto');
  console.log(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
  console.log(crypto.createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('hex'));
  console.log(crypto.createHmac('sha1', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex'));
  console.log(crypto.createHmac('md5', '').update('').digest('base64'));
  console.log(crypto.createHmac('sha256', 'k').update('a').update('b').digest('hex') === crypto.createHmac('sha256', 'k').update('ab').digest('hex'));
}
{
  const { timingSafeEqual } = require('crypto');
  console.log(timingSafeEqual(Buffer.from('secret'), Buffer.from('secret')));
  console.log(timingSafeEqual(Buffer.from('secret'), Buffer.from('secreT')));
  console.log(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
  try {
    timingSafeEqual(Buffer.from('a'), Buffer.from('ab'));
  } catch (e) {
    console.log(e.name, e.code);
  }
  try {
    timingSafeEqual('a', 'a');
  } catch (e) {
    console.log(e.name, e.code);
  }
}
