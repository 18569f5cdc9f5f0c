// update() chains and accumulates; string input encodings and Buffer input give the same digest; digest() twice throws.
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
