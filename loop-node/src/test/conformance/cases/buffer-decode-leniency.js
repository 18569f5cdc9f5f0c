// Decoding is lenient: bad hex stops at the first invalid pair, base64 ignores whitespace and missing padding, invalid UTF-8 becomes U+FFFD.
console.log('hex "abzz12":', Buffer.from('abzz12', 'hex').toString('hex'));
console.log('hex odd length "abc":', Buffer.from('abc', 'hex').toString('hex'));
console.log('base64 with spaces/newlines:', Buffer.from('SGVs\nbG8g V29y bGQ', 'base64').toString());
console.log('base64 without padding:', Buffer.from('SGk', 'base64').toString());
console.log('base64 accepts url alphabet:', Buffer.from('_-8', 'base64').toString('hex'));
console.log('invalid utf8:', JSON.stringify(Buffer.from([0x61, 0xff, 0x62, 0xc3]).toString()));
console.log('lone surrogate encodes as EF BF BD:', Buffer.from('\ud800').toString('hex'));
