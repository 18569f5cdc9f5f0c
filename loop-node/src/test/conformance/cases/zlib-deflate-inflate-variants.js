// deflate/inflate (zlib wrapper), deflateRaw/inflateRaw and unzip; headers differ, data round-trips; levels are honoured.
const zlib = require('zlib');
const input = Buffer.from('abcabcabcabc'.repeat(50));
const z = zlib.deflateSync(input);
const raw = zlib.deflateRawSync(input);
console.log('zlib header byte 0:', z[0].toString(16), 'raw is 6 bytes shorter:', z.length - raw.length === 6);
console.log(zlib.inflateSync(z).equals(input), zlib.inflateRawSync(raw).equals(input));
console.log('unzip detects zlib and gzip:', zlib.unzipSync(z).equals(input), zlib.unzipSync(zlib.gzipSync(input)).equals(input));
const stored = zlib.deflateSync(input, { level: 0 });
console.log('level 0 stores (bigger than input):', stored.length > input.length, zlib.inflateSync(stored).equals(input));
console.log('Z_BEST_COMPRESSION:', zlib.constants.Z_BEST_COMPRESSION);
zlib.deflateRaw(input, (e, out) => zlib.inflateRaw(out, (e2, back) => console.log('async raw round trip:', back.equals(input))));
