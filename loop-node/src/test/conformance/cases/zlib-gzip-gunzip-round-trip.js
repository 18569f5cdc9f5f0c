// gzip/gunzip round-trip sync and async; async callbacks run after synchronous code; gzip output starts with the gzip magic.
const zlib = require('zlib');
const input = Buffer.from('hello hello hello hello zlib '.repeat(20));
const gz = zlib.gzipSync(input);
console.log('magic:', gz.subarray(0, 3).toString('hex'), 'smaller:', gz.length < input.length);
console.log('sync round trip:', zlib.gunzipSync(gz).equals(input));
zlib.gzip(input, (err, out) => {
  console.log('async gzip err:', err);
  zlib.gunzip(out, (err2, back) => console.log('async round trip:', err2, back.equals(input)));
});
console.log('string input:', zlib.gunzipSync(zlib.gzipSync('text')).toString());
console.log('sync code done');
