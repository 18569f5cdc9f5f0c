// toString(encoding) round-trips bytes through hex, base64, base64url, latin1 and utf16le.
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
