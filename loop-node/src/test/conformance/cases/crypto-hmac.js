// createHmac with string and Buffer keys (RFC 4231 test case 2 and others).
const crypto = require('crypto');
console.log(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
console.log(crypto.createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('hex'));
console.log(crypto.createHmac('sha1', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex'));
console.log(crypto.createHmac('md5', '').update('').digest('base64'));
console.log(crypto.createHmac('sha256', 'k').update('a').update('b').digest('hex') === crypto.createHmac('sha256', 'k').update('ab').digest('hex'));
