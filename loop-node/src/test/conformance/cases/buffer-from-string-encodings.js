// Buffer.from(string, encoding) for every common encoding, shown as hex.
const s = 'héllo wörld €';
for (const enc of ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2']) {
  console.log(enc.padEnd(8), Buffer.from(s, enc).toString('hex'));
}
console.log('hex     ', Buffer.from('48656c6c6f', 'hex').toString());
console.log('base64  ', Buffer.from('SGVsbG8gV29ybGQ=', 'base64').toString());
console.log('base64url', Buffer.from('_-8', 'base64url').toString('hex'));
console.log('default is utf8:', Buffer.from('€').equals(Buffer.from('€', 'utf8')));
