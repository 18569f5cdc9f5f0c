// Decompresses bytes that node's zlib produced (embedded as hex): gzip, zlib deflate, raw deflate, and concatenated gzip members.
const zlib = require('zlib');
// zlib.gzipSync('The quick brown fox jumps over the lazy dog. '.repeat(3))
const gz = '1f8b08000000000000030bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228c94855c849acaa5448c94fd75308a199620058001e0087000000';
// zlib.deflateSync('loopd conformance', { level: 9 })
const def = '78dacbc9cf2f485148cecf4bcb2fca4dcc4b4e05003cd606ca';
// zlib.deflateRawSync(Buffer.alloc(100, 0x61))
const raw = '4b4ca43d0000';
console.log(JSON.stringify(zlib.gunzipSync(Buffer.from(gz, 'hex')).toString()));
console.log(JSON.stringify(zlib.inflateSync(Buffer.from(def, 'hex')).toString()));
const r = zlib.inflateRawSync(Buffer.from(raw, 'hex'));
console.log(r.length, r.every((b) => b === 0x61));
const both = Buffer.concat([zlib.gzipSync('first '), zlib.gzipSync('second')]);
console.log('concatenated members:', zlib.gunzipSync(both).toString());
zlib.gunzip(Buffer.from(gz, 'hex'), (err, out) => {
  console.log('async:', err, out.length);
  zlib.gunzip(both, (err2, out2) => console.log('async concatenated:', out2.toString()));
});
