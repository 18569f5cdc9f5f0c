// The async zlib functions produce exactly the same bytes as the *Sync ones.
const zlib = require('zlib');
const input = Buffer.from(Array.from({ length: 2000 }, (_, i) => String(i * 7 % 13)).join(','));
const pairs = [['gzip', 'gzipSync'], ['deflate', 'deflateSync'], ['deflateRaw', 'deflateRawSync']];
let pending = pairs.length;
const results = {};
for (const [a, s] of pairs) {
  zlib[a](input, (err, out) => {
    results[a] = out.equals(zlib[s](input));
    if (--pending === 0) for (const [name] of pairs) console.log(name, 'async == sync:', results[name]);
  });
}
