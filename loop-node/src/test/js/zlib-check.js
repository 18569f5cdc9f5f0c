'use strict';
// zlib conformance: prints deterministic lines; `node zlib-check.js` and
// `bin/loop-node run zlib-check.js` must print the same. Compressed bytes are compared with
// node's only for small inputs: for larger ones node's zlib (Chromium's) and the JDK's choose
// different matches, so round trips and node-made fixtures are checked instead.
const zlib = require('zlib');
const crypto = require('crypto');

function log(...args) {
  console.log(args.map(String).join(' '));
}
function errText(e) {
  return `throws ${e.name} ${e.code} ${e.errno} ${JSON.stringify(e.message)} ` +
    `${JSON.stringify(Object.keys(e))} ${String(e.stack).split('\n')[0]}`;
}
function show(label, f) {
  try {
    log(label, '=>', fmt(f()));
  } catch (e) {
    log(label, errText(e));
  }
}
function fmt(v) {
  if (Buffer.isBuffer(v)) {
    return v.length > 64 ? `Buffer(${v.length}) md5 ${md5(v)}` : `Buffer<${v.toString('hex')}>`;
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}
function md5(b) {
  return crypto.createHash('md5').update(b).digest('hex');
}

// Inputs, rebuilt identically under both runtimes.
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(50) + 'xyz'.repeat(333);
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const noisy = Buffer.alloc(1000);
for (let i = 0; i < noisy.length; i++) {
  noisy[i] = rnd() < 0.7 ? 97 + Math.floor(rnd() * 4) : Math.floor(rnd() * 256);
}
const big = Buffer.alloc(300000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 9)) & 0xff;

// Bytes node 20 produced (see the comment of each).
const fixtures = {
  // zlib.gzipSync(text)
  gzipText: 'H4sIAAAAAAAAA+3KyQ2AMAwEwFa2AqpJAxyGhMtgCDmqpw2EVprnOC84Y+gXdKZpx6gZc9yOC/qI4faCta0Fg04NH' +
    'DMzMzMzMzPzl3IulYj+7QU8S2zGsQwAAA==',
  // zlib.deflateSync(noisy, { level: 9 })
  deflateNoisy9: 'eNotkl1oEGQYhWNRUfPCBv3RNGjDSFPLLNIsU8NaQ0syqpvoOeeoFCU1qlHOwC4GXTSCUQ3S/kgql5EpK' +
    'wuqqYySAn9Q1NRGRM31exFNuzHe1eUHH+855znHH30I6VcOqvHvSVZsH5n7aMsd4ia/9CqcilBkVk/zG8Lpi+lP4N7n0Dl/W' +
    'BDafiD8CSyChqZrltn9SujJgQmS3+dFMJD77U1gS/Zjl9G9xOdbloQnHHuX1xdoH4FbbewTLTMuX4HvluSfxczoTd9MbxiOp' +
    'Zwn+2ievVJKdp+Ztk55ZSa7PQfQbx+AV2TZERFliwJChEc6BjPoHFqsXAXZRjiuhsG9coZGrtYLF8U8vEFqJX7+En9p3/e/w' +
    'ZFE8SqbOOAn7XlzRuqykT7L02YGikdbbqNrR305mWgma52pOBlPnZjZ5SOfesq+eDSrfpXcFrwVXTy5jmtHyFia7xpTIp0Yd' +
    'vanf2eICbNVfVSciNIrduqRs/TCo9b1GQHWOIlm7VJ3zjW4Q8Vwg7GY48+PMV70gABnTVfWz613glZ74iu0Vt/Ouk5p+W7MW' +
    'VVHnKoUmb1Ts+mtAmrdKOWvaY3ZLCdvX3CPz5Yddi4u3BoOVPIgvBdSvXN6/yxbTx3kTvilkhhNKy8fp5GvxwOh7/OyN753y' +
    'FxbmvJoSk5UsHKvIdOc63xLU2loj4bwE1GUd25n3vrTYWEt1/OXjztf63jPFVaz7QcjbUmqhqYFGoi96BPos31YhbiGaoVUJ' +
    'mW78qN6RUet/yt1A2fc4KKhTpakyCIWjj3whY4XnXkP8Zo83eM7n1RNpFfbUE/dnY52BQ5HXfOH8TOVpdg+rnFS2Gz1pd+JK' +
    'TW7mppzcinrQkP7oagLKT46Edz6Xxd9YmPklbUOjw2QtOfU783fStZPIdvJKP988y8uKKRO',
  // zlib.deflateRawSync(text, { level: 1 })
  rawText1: 'C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPBoao2ljNKeMFgWjBeNoNTFaaQ6mVkF' +
    'FZdUoGg2B0RAY3iEAAA==',
  // Buffer.concat([zlib.gzipSync('first;'), zlib.gzipSync(''), zlib.gzipSync('second')])
  members: 'H4sIAAAAAAAAA0vLLCousQYAELOUlgYAAAAfiwgAAAAAAAADAwAAAAAAAAAAAB+LCAAAAAAAAAMrTk3Oz0sBAGkRH7YGAAAA',
  // zlib.deflateSync(text.slice(0, 100), { level: 0 })
  stored: 'eAEBZACb/1RoZSBxdWljayBicm93biBmb3gganVtcHMgb3ZlciB0aGUgbGF6eSBkb2cuIFRoZSBxdWljayBicm93biBmb3g' +
    'ganVtcHMgb3ZlciB0aGUgbGF6eSBkb2cuIFRoZSBxdWljayAl/iPN',
};
const fx = Object.fromEntries(Object.entries(fixtures).map(([k, v]) => [k, Buffer.from(v, 'base64')]));

// ---- node-made bytes, decompressed ----
show('gunzip gzipText', () => zlib.gunzipSync(fx.gzipText).toString() === text);
show('unzip gzipText', () => zlib.unzipSync(fx.gzipText).toString() === text);
show('inflate deflateNoisy9', () => zlib.inflateSync(fx.deflateNoisy9).equals(noisy));
show('unzip deflateNoisy9', () => zlib.unzipSync(fx.deflateNoisy9).equals(noisy));
show('inflateRaw rawText1', () => zlib.inflateRawSync(fx.rawText1).toString() === text);
show('gunzip members', () => zlib.gunzipSync(fx.members).toString());
show('gunzip members + zero padding', () =>
  zlib.gunzipSync(Buffer.concat([fx.members, Buffer.alloc(5)])).toString());
show('gunzip + trailing garbage', () =>
  zlib.gunzipSync(Buffer.concat([fx.gzipText, Buffer.from('garbage')])).length);
show('gunzip + lone 0x1f', () =>
  zlib.gunzipSync(Buffer.concat([fx.gzipText, Buffer.from([0x1f])])).length);
show('inflate + trailing garbage', () =>
  zlib.inflateSync(Buffer.concat([fx.stored, Buffer.from('garbage')])).toString().slice(0, 20));
show('inflate stored', () => zlib.inflateSync(fx.stored).toString() === text.slice(0, 100));

// A gzip header with FEXTRA, FNAME, FCOMMENT and FHCRC (header CRC correct).
show('gunzip full header', () => {
  const body = fx.gzipText.subarray(10);
  const head = Buffer.concat([
    Buffer.from([0x1f, 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3]),
    Buffer.from([4, 0, 1, 2, 3, 4]),
    Buffer.from('name.txt\0'),
    Buffer.from('a comment\0'),
  ]);
  const hcrc = Buffer.alloc(2);
  hcrc.writeUInt16LE(zlib.crc32(head) & 0xffff);
  return zlib.gunzipSync(Buffer.concat([head, hcrc, body])).toString() === text;
});

// ---- compressed bytes equal node's for small inputs ----
show('gzipSync hello world', () => zlib.gzipSync('hello world'));
show('deflateSync hello x4', () => zlib.deflateSync('hello hello hello hello'));
show('deflateRawSync abc', () => zlib.deflateRawSync('abc'));
show('gzipSync empty', () => zlib.gzipSync(''));
show('deflateSync empty', () => zlib.deflateSync(Buffer.alloc(0)));
show('deflateRawSync empty', () => zlib.deflateRawSync(''));
for (const level of [-1, 1, 2, 5, 9]) {
  show(`deflateSync abc level ${level}`, () => zlib.deflateSync('abc', { level }));
  show(`gzipSync abc level ${level}`, () => zlib.gzipSync('abc', { level }));
}
show('deflateSync abc level 0', () => zlib.deflateSync('abc', { level: 0 }));
show('gzipSync abc level 0', () => zlib.gzipSync('abc', { level: 0 }));
show('level 8.5 truncates', () => zlib.deflateSync('abc', { level: 8.5 }));
show('level -0.5 truncates to 0', () => zlib.deflateSync('abc', { level: -0.5 }));
show('level -0', () => zlib.deflateSync('abc', { level: -0 }));
show('level NaN is default', () => zlib.deflateSync('abc', { level: NaN }));
show('level undefined is default', () => zlib.deflateSync('abc', { level: undefined }));

// ---- round trips ----
const inputs = { text, noisy, big, empty: Buffer.alloc(0), one: Buffer.from([0]) };
const pairs = [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']];
for (const [name, input] of Object.entries(inputs)) {
  for (const [c, d] of pairs) {
    for (const level of [undefined, 0, 1, 9]) {
      show(`${c}/${d} ${name} level ${level}`, () => {
        const packed = zlib[c](input, level === undefined ? undefined : { level });
        const back = zlib[d](packed);
        return Buffer.from(input).equals(back) && Buffer.isBuffer(packed) && Buffer.isBuffer(back);
      });
    }
  }
}

// ---- input types ----
show('Uint16Array', () => zlib.inflateSync(zlib.deflateSync(new Uint16Array([1, 2, 3]))));
show('ArrayBuffer', () => zlib.inflateSync(zlib.deflateSync(new Uint8Array([4, 5]).buffer)));
show('DataView slice', () =>
  zlib.inflateSync(zlib.deflateSync(new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2))));
show('Buffer subarray', () =>
  zlib.inflateRawSync(zlib.deflateRawSync(Buffer.from('xxabcxx').subarray(2, 5))).toString());
show('string utf8', () => zlib.gunzipSync(zlib.gzipSync('héllo €')).toString());
show('inflate from Uint8Array', () =>
  zlib.inflateSync(new Uint8Array(zlib.deflateSync('view'))).toString());

// ---- errors ----
show('gunzip plain text', () => zlib.gunzipSync(Buffer.from('hello world')));
show('gunzip short plain text', () => zlib.gunzipSync(Buffer.from('not gzip')));
show('gunzip one byte', () => zlib.gunzipSync(Buffer.from([0x1f])));
show('gunzip zlib header', () => zlib.gunzipSync(Buffer.from([0x78, 0x9c])));
show('inflate plain text', () => zlib.inflateSync(Buffer.from('hello world')));
show('inflate zero bytes', () => zlib.inflateSync(Buffer.alloc(3)));
show('inflate empty', () => zlib.inflateSync(Buffer.alloc(0)));
show('gunzip empty', () => zlib.gunzipSync(Buffer.alloc(0)));
show('inflateRaw empty', () => zlib.inflateRawSync(Buffer.alloc(0)));
show('gunzip truncated header', () => zlib.gunzipSync(fx.gzipText.subarray(0, 5)));
show('gunzip truncated body', () => zlib.gunzipSync(fx.gzipText.subarray(0, 30)));
show('gunzip missing trailer', () => zlib.gunzipSync(fx.gzipText.subarray(0, fx.gzipText.length - 8)));
show('inflate truncated', () => zlib.inflateSync(fx.deflateNoisy9.subarray(0, 100)));
show('inflate bad adler', () => {
  const b = Buffer.from(fx.deflateNoisy9);
  b[b.length - 1] ^= 1;
  return zlib.inflateSync(b);
});
show('gunzip bad crc', () => {
  const b = Buffer.from(fx.gzipText);
  b[b.length - 6] ^= 1;
  return zlib.gunzipSync(b);
});
show('gunzip bad isize', () => {
  const b = Buffer.from(fx.gzipText);
  b[b.length - 1] ^= 1;
  return zlib.gunzipSync(b);
});
show('gunzip bad method', () => {
  const b = Buffer.from(fx.gzipText);
  b[2] = 7;
  return zlib.gunzipSync(b);
});
show('inflateRaw invalid block type', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff])));
show('inflate bad stored lengths', () => {
  const b = Buffer.from(fx.stored);
  b[4] ^= 0xff;
  return zlib.inflateSync(b);
});
show('unzip raw deflate', () => zlib.unzipSync(fx.rawText1));
show('maxOutputLength gunzip', () => zlib.gunzipSync(fx.gzipText, { maxOutputLength: 10 }));
show('maxOutputLength ok', () => zlib.gunzipSync(fx.members, { maxOutputLength: 12 }).toString());
show('maxOutputLength 0', () => zlib.gzipSync('x', { maxOutputLength: 0 }));

// ---- option validation ----
show('level 10', () => zlib.gzipSync('abc', { level: 10 }));
show('level -2', () => zlib.deflateSync('abc', { level: -2 }));
show('level "x"', () => zlib.gzipSync('abc', { level: 'x' }));
show('level Infinity', () => zlib.gzipSync('abc', { level: Infinity }));
show('level on inflate', () => zlib.inflateSync(fx.stored, { level: 11 }));
show('windowBits 8 gzip', () => zlib.gzipSync('abc', { windowBits: 8 }));
show('windowBits 16', () => zlib.deflateSync('abc', { windowBits: 16 }));
show('windowBits 0 inflate', () => zlib.inflateSync(fx.stored, { windowBits: 0 }).length);
show('windowBits 0 deflate', () => zlib.deflateSync('abc', { windowBits: 0 }));
show('memLevel 0', () => zlib.deflateSync('abc', { memLevel: 0 }));
show('memLevel 10', () => zlib.deflateSync('abc', { memLevel: 10 }));
show('strategy 5', () => zlib.deflateSync('abc', { strategy: 5 }));
show('strategy "1"', () => zlib.deflateSync('abc', { strategy: '1' }));
show('chunkSize 10', () => zlib.gzipSync('abc', { chunkSize: 10 }));
show('chunkSize "a"', () => zlib.gzipSync('abc', { chunkSize: 'a' }));
show('flush 6', () => zlib.gzipSync('abc', { flush: 6 }));
show('finishFlush -1', () => zlib.gzipSync('abc', { finishFlush: -1 }));
show('dictionary 5', () => zlib.deflateSync('abc', { dictionary: 5 }));
show('sync input number', () => zlib.gzipSync(5));
show('sync input null', () => zlib.deflateSync(null));
show('sync input object', () => zlib.inflateSync({}));
show('async input number', () => zlib.gzip(5, () => {}));
show('async no callback', () => zlib.gzip('x'));
show('async bad option first', () => zlib.gzip('x', { level: 11 }));
show('async bad callback', () => zlib.deflate('x', {}, 'nope'));

// ---- constants, codes, crc32 ----
log('constants', JSON.stringify(zlib.constants));
log('Z_MAX_CHUNK', zlib.constants.Z_MAX_CHUNK);
log('codes', JSON.stringify(zlib.codes), Object.isFrozen(zlib.codes));
log('legacy', zlib.Z_BEST_COMPRESSION, zlib.Z_DATA_ERROR, zlib.DEFLATE, zlib.BROTLI_MODE_TEXT,
  Object.keys(zlib).includes('Z_OK'));
log('exports', Object.keys(zlib).join());
show('crc32 hello', () => zlib.crc32('hello'));
show('crc32 buffer', () => zlib.crc32(Buffer.from('hello')));
show('crc32 chained', () => zlib.crc32('world', zlib.crc32('hello ')));
show('crc32 empty', () => zlib.crc32(''));
show('crc32 text', () => zlib.crc32(text));
show('crc32 bad', () => zlib.crc32(5));
show('crc32 bad value', () => zlib.crc32('a', -1));

// ---- asynchronous forms (pool) ----
const results = [];
let pending = 0;
function later(label, start) {
  pending++;
  start((err, value) => {
    results.push(`${label} ${err ? errText(err) : fmt(value)}`);
    if (--pending === 0) {
      results.sort();
      for (const line of results) log('async', line);
    }
  });
}
later('gunzip gzipText', (cb) => zlib.gunzip(fx.gzipText, (e, r) => cb(e, r && r.toString() === text)));
later('inflate deflateNoisy9', (cb) => zlib.inflate(fx.deflateNoisy9, (e, r) => cb(e, r && r.equals(noisy))));
later('inflateRaw rawText1', (cb) => zlib.inflateRaw(fx.rawText1, {}, (e, r) => cb(e, r && r.length)));
later('unzip members', (cb) => zlib.unzip(fx.members, cb));
later('gzip small', (cb) => zlib.gzip('hello world', cb));
later('deflate small level 9', (cb) => zlib.deflate('abc', { level: 9 }, cb));
later('deflateRaw ArrayBuffer', (cb) => zlib.deflateRaw(new Uint8Array([1, 2, 3]).buffer, cb));
later('gzip Uint16Array', (cb) => zlib.gzip(new Uint16Array([1, 2]), cb));
later('gzip/gunzip big', (cb) => zlib.gzip(big, (e, packed) => {
  if (e) return cb(e);
  zlib.gunzip(packed, (e2, back) => cb(e2, back && back.equals(big)));
}));
later('gunzip plain', (cb) => zlib.gunzip(Buffer.from('hello world'), cb));
later('inflate empty', (cb) => zlib.inflate(Buffer.alloc(0), cb));
later('gunzip bad crc', (cb) => {
  const b = Buffer.from(fx.gzipText);
  b[b.length - 6] ^= 1;
  zlib.gunzip(b, cb);
});
later('maxOutputLength', (cb) => zlib.inflate(fx.deflateNoisy9, { maxOutputLength: 999 }, cb));

// Callbacks come after the current tick and microtasks.
const order = [];
later('order', (cb) => zlib.deflate('x', () => {
  order.push('deflate cb');
  cb(null, order.join(' | '));
}));
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('microtask'));
order.push('sync');
