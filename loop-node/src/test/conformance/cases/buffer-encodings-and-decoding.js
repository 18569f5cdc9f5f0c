// Buffer.from(string, encoding) and toString(encoding) for every common encoding, their round trips, and node's lenient decoding of bad hex, base64 and UTF-8.
{
  const s = 'héllo wörld €';
  for (const enc of ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2']) {
    console.log(enc.padEnd(8), Buffer.from(s, enc).toString('hex'));
  }
  console.log('hex     ', Buffer.from('48656c6c6f', 'hex').toString());
  console.log('base64  ', Buffer.from('SGVsbG8gV29ybGQ=', 'base64').toString());
  console.log('base64url', Buffer.from('_-8', 'base64url').toString('hex'));
  console.log('default is utf8:', Buffer.from('€').equals(Buffer.from('€', 'utf8')));
}
{
  const bytes = Buffer.from([0, 1, 127, 128, 200, 250, 251, 252, 253, 254, 255]);
  for (const enc of ['hex', 'base64', 'base64url', 'latin1']) {
    const s = bytes.toString(enc);
    console.log(enc.padEnd(9), JSON.stringify(s), Buffer.from(s, enc).equals(bytes));
  }
  const even = Buffer.from([0x41, 0x00, 0xac, 0x20, 0x3d, 0xd8, 0x00, 0xde]);
  console.log('utf16le  ', JSON.stringify(even.toString('utf16le')), Buffer.from(even.toString('utf16le'), 'utf16le').equals(even));
  const text = 'Grüße, 世界! 🎉';
  for (const enc of ['utf8', 'utf16le']) {
    const b = Buffer.from(text, enc);
    console.log(enc, b.length, b.toString(enc) === text);
  }
  console.log('ascii strips the high bit:', JSON.stringify(Buffer.from([0xe9, 0x41]).toString('ascii')));
  console.log('toString(enc, start, end):', Buffer.from('hello world').toString('utf8', 6, 11));
}
{
  console.log('hex "abzz12":', Buffer.from('abzz12', 'hex').toString('hex'));
  console.log('hex odd length "abc":', Buffer.from('abc', 'hex').toString('hex'));
  console.log('base64 with spaces/newlines:', Buffer.from('SGVs\nbG8g V29y bGQ', 'base64').toString());
  console.log('base64 without padding:', Buffer.from('SGk', 'base64').toString());
  console.log('base64 accepts url alphabet:', Buffer.from('_-8', 'base64').toString('hex'));
  console.log('invalid utf8:', JSON.stringify(Buffer.from([0x61, 0xff, 0x62, 0xc3]).toString()));
  console.log('lone surrogate encodes as EF BF BD:', Buffer.from('\ud800').toString('hex'));
}
