// gzip/gunzip, deflate/inflate, deflateRaw/inflateRaw and unzip round-trip; async output equals *Sync output; callbacks run after sync code.
const zlib = require('zlib');
const { promisify } = require('util');
const input = Buffer.from('hello hello hello hello zlib '.repeat(20));
const gz = zlib.gzipSync(input);
const z = zlib.deflateSync(input);
const raw = zlib.deflateRawSync(input);
console.log('gzip magic:', gz.subarray(0, 3).toString('hex'), 'smaller:', gz.length < input.length);
console.log('zlib header byte 0:', z[0].toString(16), 'raw is 6 bytes shorter than zlib:', z.length - raw.length === 6);
console.log('sync round trips:', zlib.gunzipSync(gz).equals(input), zlib.inflateSync(z).equals(input), zlib.inflateRawSync(raw).equals(input));
console.log('unzip detects zlib and gzip:', zlib.unzipSync(z).equals(input), zlib.unzipSync(gz).equals(input));
const stored = zlib.deflateSync(input, { level: 0 });
console.log('level 0 stores (bigger than input):', stored.length > input.length, zlib.inflateSync(stored).equals(input));
console.log('Z_BEST_COMPRESSION:', zlib.constants.Z_BEST_COMPRESSION);
console.log('string input:', zlib.gunzipSync(zlib.gzipSync('text')).toString());
(async () => {
  for (const [a, s, back] of [['gzip', 'gzipSync', 'gunzip'], ['deflate', 'deflateSync', 'inflate'], ['deflateRaw', 'deflateRawSync', 'inflateRaw']]) {
    const out = await promisify(zlib[a])(input);
    const restored = await promisify(zlib[back])(out);
    console.log(a, 'async == sync:', out.equals(zlib[s](input)), 'async round trip:', restored.equals(input));
  }
  zlib.gzip(input, (err, out) => console.log('callback style: err', err, 'Buffer', Buffer.isBuffer(out)));
})();
console.log('sync code done');
