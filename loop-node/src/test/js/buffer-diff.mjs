// Differential test: loopd's lib/buffer.js vs node's node:buffer.
// Run: node loop-node/src/test/js/buffer-diff.mjs
import * as nodeBufferModule from 'node:buffer';
import { load, Suite, rng } from './diff-util.mjs';

const mine = load('buffer');
const theirs = nodeBufferModule.default ?? nodeBufferModule;
const MB = mine.Buffer;
const NB = theirs.Buffer;
const S = new Suite('buffer');
const rand = rng(0x5eed);
const ri = (n) => Math.floor(rand() * n);

// Runs f(BufferClass, module) against both implementations.
function both(label, f) {
  return S.check(label, () => f(MB, mine), () => f(NB, theirs));
}

const ENCODINGS = ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UTF-16LE', 'latin1', 'binary',
  'ascii', 'hex', 'HEX', 'base64', 'BASE64', 'base64url', 'Base64Url', undefined];
const BAD_ENCODINGS = ['utf9', 'foo', '', null, 0, 'utf 8', {}, 'latin-1'];

const STRINGS = [
  '', 'a', 'hello', 'héllo wörld', '€uro', '日本語テキスト', '\u{1F600}\u{1F601}', 'a\uD800b', '\uDC00', '\uD800',
  '\uD800\uD800', '\uDBFF\uDFFF', 'x\uDFFFy\uD83D', '\u0000\u0001\u007f\u0080\u00ff\u0100', 'aGVsbG8=', 'aGVsbG8',
  'aGV sbG8=\n', 'a-b_c+d/e==', '0123456789abcdefABCDEF', 'abc', 'zz', '12g4', '\u0161b', 'Ł\u0141AA',
  '====', 'QUJD\u013dREVG', '  ', '\t\n\r', 'YQ', 'YQ=', 'YQ==', 'Y', 'YWJjZA', 'YWJjZA=', 'YWJjZA==', 'YW Jj ZA ==',
  'x'.repeat(5000), 'é'.repeat(3000), '\u{10FFFF}'.repeat(1500) + 'end', 'ab'.repeat(2100),
];

function randomString(len, alphabet) {
  let s = '';
  for (let i = 0; i < len; i++) {
    if (alphabet) {
      s += alphabet[ri(alphabet.length)];
      continue;
    }
    const k = ri(10);
    if (k < 4) s += String.fromCharCode(0x20 + ri(0x5f));
    else if (k < 6) s += String.fromCharCode(0x80 + ri(0x780));
    else if (k < 7) s += String.fromCharCode(0x800 + ri(0xD000));
    else if (k < 8) s += String.fromCharCode(0xD800 + ri(0x800)); // lone or paired surrogates
    else if (k < 9) s += String.fromCodePoint(0x10000 + ri(0x100000));
    else s += String.fromCharCode(ri(0x10000));
  }
  return s;
}

function randomBytes(len, utf8ish) {
  const out = [];
  for (let i = 0; i < len; i++) {
    if (!utf8ish) {
      out.push(ri(256));
      continue;
    }
    const k = ri(12);
    if (k < 3) out.push(ri(0x80));
    else if (k < 6) out.push(0x80 + ri(0x40)); // continuation
    else if (k < 8) out.push(0xC0 + ri(0x20));
    else if (k < 10) out.push(0xE0 + ri(0x10));
    else out.push(0xF0 + ri(0x10));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Module shape

S.same('export keys', Object.keys(mine).filter((k) => !['Blob', 'File', 'resolveObjectURL'].includes(k)).sort(),
  Object.keys(theirs).filter((k) => !['Blob', 'File', 'resolveObjectURL', 'default'].includes(k)).sort());
both('kMaxLength', (B, m) => [m.kMaxLength, m.kStringMaxLength, m.constants.MAX_LENGTH, m.constants.MAX_STRING_LENGTH]);
both('INSPECT_MAX_BYTES', (B, m) => m.INSPECT_MAX_BYTES);
both('INSPECT_MAX_BYTES set bad', (B, m) => { m.INSPECT_MAX_BYTES = -1; });
both('INSPECT_MAX_BYTES set str', (B, m) => { m.INSPECT_MAX_BYTES = '3'; });
both('poolSize', (B) => B.poolSize);
both('instanceof', (B) => [B.from('a') instanceof B, B.alloc(1) instanceof Uint8Array, B.isBuffer(B.alloc(0)),
  B.isBuffer(new Uint8Array(1)), B.isBuffer('a'), B.from('a').constructor === B, Object.getPrototypeOf(B) === Uint8Array,
  B.prototype.constructor === B, B.name, typeof B[Symbol.species]]);
both('species map', (B) => { const r = B.from([1, 2, 3]).map((x) => x * 2); return [r instanceof B, r]; });
both('Buffer() fn and DEP0005', (B) => {
  const warnings = [];
  const orig = process.emitWarning;
  process.emitWarning = (...args) => warnings.push(args.map(String));
  try {
    return [B('abc'), B(3), B([1, 2]), new B('x', 'hex'), new B(2), warnings];
  } finally {
    process.emitWarning = orig;
  }
});
both('Buffer(num, enc)', (B) => B(3, 'utf8'));
both('SlowBuffer', (B, m) => [m.SlowBuffer(4).length, m.SlowBuffer(2) instanceof B]);
both('isEncoding', (B) => [...ENCODINGS, ...BAD_ENCODINGS, 'UCS2', 'Binary', 'utf16LE'].map((e) => B.isEncoding(e)));
both('parent/offset', (B) => { const b = B.alloc(10).subarray(2); return [b.parent === b.buffer, b.offset]; });
both('pool slicing', (B) => { const a = B.allocUnsafe(10); const b = B.from('abc'); return [a.buffer.byteLength, b.buffer.byteLength, a.byteOffset % 8, b.byteOffset % 8]; });

// ---------------------------------------------------------------------------
// from / toString over encodings

for (const s of STRINGS) {
  for (const e of ENCODINGS) {
    both(`from(${JSON.stringify(s.slice(0, 20))}, ${e})`, (B) => B.from(s, e));
  }
  both(`byteLength(${JSON.stringify(s.slice(0, 20))})`, (B) => ENCODINGS.concat(BAD_ENCODINGS).map((e) => B.byteLength(s, e)));
}
for (const e of BAD_ENCODINGS) {
  both(`from bad enc ${String(e)}`, (B) => B.from('abc', e));
  both(`toString bad enc ${String(e)}`, (B) => B.from('abc').toString(e));
}
both('byteLength views', (B) => [B.byteLength(new Uint16Array(3)), B.byteLength(new ArrayBuffer(7)), B.byteLength(new DataView(new ArrayBuffer(5))), B.byteLength(new SharedArrayBuffer(3))]);
both('byteLength bad', (B) => B.byteLength(5));
both('byteLength bad2', (B) => B.byteLength({}));

const SAMPLE_BYTES = [
  [], [0x41], [0xff], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xe0, 0x80, 0x80, 0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x80, 0x80], [0xef, 0xbb, 0xbf, 0x41],
  [0xfe, 0xff, 0x00, 0x41], [0xed, 0x9f, 0xbf], [0xee, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc2], [0x7f, 0x80],
  [1, 2, 3, 4, 5], Array.from({ length: 300 }, (_, i) => i & 0xff),
];
for (const bytes of SAMPLE_BYTES) {
  for (const e of ENCODINGS) {
    both(`toString(${e}) [${bytes.slice(0, 8)}]`, (B) => B.from(bytes).toString(e));
  }
}
both('toString ranges', (B) => {
  const b = B.from('hello wörld €');
  const out = [];
  for (const [s, e] of [[0, 3], [-1, 2], [2, 100], [5, 2], ['1', '4'], [1.7, 4.2], [NaN, 3], [undefined, 4], [3], [null, null],
    [Infinity, 2], [-Infinity, Infinity], [7, 8], [true, 3]]) {
    out.push(b.toString('utf8', s, e), b.toString('hex', s, e), b.toString('latin1', s, e));
  }
  return out;
});
both('toString no args', (B) => B.from([0xe2, 0x82, 0xac, 0x41]).toString());
both('toLocaleString', (B) => B.from('ab').toLocaleString('hex'));
both('toJSON', (B) => [B.from('abc').toJSON(), B.alloc(0).toJSON(), JSON.stringify(B.from([1, 2]))]);

// Fuzzing: UTF-8 decoding of arbitrary bytes.
for (let t = 0; t < 1500; t++) {
  const bytes = randomBytes(ri(40), t % 3 !== 0);
  both(`fuzz utf8 decode #${t}`, (B) => B.from(bytes).toString('utf8'));
}
for (let t = 0; t < 30; t++) {
  const bytes = randomBytes(5000 + ri(20000), t % 2 === 0);
  both(`fuzz utf8 decode large #${t}`, (B) => B.from(bytes).toString());
}
// Fuzzing: UTF-8 / UCS-2 / latin1 / ascii encoding of strings with lone surrogates.
for (let t = 0; t < 1200; t++) {
  const s = randomString(ri(30));
  const e = ['utf8', 'ucs2', 'latin1', 'ascii'][t % 4];
  both(`fuzz encode ${e} #${t}`, (B) => [B.from(s, e), B.byteLength(s, e)]);
}
for (let t = 0; t < 300; t++) {
  const s = randomString(ri(30));
  const size = ri(20);
  const off = ri(size + 1);
  both(`fuzz write utf8 partial #${t}`, (B) => { const b = B.alloc(size); const n = b.write(s, off); return [n, b]; });
}
// Fuzzing: base64 / base64url decoding of lenient input.
const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=';
const B64_NOISE = B64_ALPHABET + B64_ALPHABET + ' \n\t\r=.$\u0100\u0141\u013d\u00c1\u2028';
for (let t = 0; t < 2000; t++) {
  const s = randomString(ri(24), t % 2 ? B64_ALPHABET : B64_NOISE);
  const e = t % 3 === 0 ? 'base64url' : 'base64';
  both(`fuzz base64 decode #${t} ${JSON.stringify(s)}`, (B) => [B.from(s, e), B.byteLength(s, e)]);
  if (t % 4 === 0) {
    const size = ri(20);
    both(`fuzz base64 write #${t}`, (B) => { const b = B.alloc(size, 0xaa); const n = b.write(s, e); return [n, b]; });
  }
}
// Fuzzing: hex decoding.
const HEX_ALPHABET = '0123456789abcdefABCDEF';
for (let t = 0; t < 1000; t++) {
  const s = randomString(ri(20), t % 2 ? HEX_ALPHABET : HEX_ALPHABET + 'xg \u0161\u0130');
  both(`fuzz hex decode #${t} ${JSON.stringify(s)}`, (B) => [B.from(s, 'hex'), B.byteLength(s, 'hex')]);
  if (t % 4 === 0) {
    both(`fuzz hex write #${t}`, (B) => { const b = B.alloc(6, 0xaa); return [b.write(s, 1, 'hex'), b]; });
  }
}
// Round trips through every encoding.
for (let t = 0; t < 400; t++) {
  const bytes = randomBytes(ri(50), false);
  for (const e of ['hex', 'base64', 'base64url', 'latin1', 'ascii', 'ucs2', 'utf8']) {
    both(`roundtrip ${e} #${t}`, (B) => { const s = B.from(bytes).toString(e); return [s, B.from(s, e)]; });
  }
}

// ---------------------------------------------------------------------------
// from() overloads

both('from array', (B) => [B.from([1, 2, 256, -1, 3.7, '5', 'x', null, undefined, true]), B.from([])]);
both('from array-like', (B) => [B.from({ length: 3, 0: 1, 1: 2, 2: 3 }), B.from({ length: '3', 0: 1 }), B.from({ length: -1 }), B.from({ length: NaN })]);
both('from buffer copy', (B) => { const a = B.from('abc'); const c = B.from(a); c[0] = 0x7a; return [a, c]; });
both('from typed', (B) => [B.from(new Uint16Array([1, 0x1234, 0xffff])), B.from(new Float32Array([1.5, 300])), B.from(new Int8Array([-1, 5]))]);
both('from arraybuffer', (B) => {
  const ab = new ArrayBuffer(8);
  new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
  const x = B.from(ab, 2, 3);
  x[0] = 99;
  return [x, new Uint8Array(ab), B.from(ab), B.from(ab, 4), B.from(ab, '1', '2'), B.from(ab, NaN), B.from(ab, 8), B.from(ab, 2, -1), B.from(ab, 1, 0)];
});
both('from arraybuffer oob offset', (B) => B.from(new ArrayBuffer(4), 5));
both('from arraybuffer oob length', (B) => B.from(new ArrayBuffer(4), 1, 4));
both('from sab', (B) => B.from(new SharedArrayBuffer(3)));
both('from {type:Buffer}', (B) => [B.from({ type: 'Buffer', data: [1, 2, 3] }), B.from(JSON.parse(JSON.stringify(B.from('hi'))))]);
both('from valueOf string', (B) => B.from({ valueOf() { return 'abc'; } }));
both('from valueOf string enc', (B) => B.from({ valueOf() { return '6869'; } }, 'hex'));
both('from String obj', (B) => B.from(new String('str')));
both('from toPrimitive', (B) => B.from({ [Symbol.toPrimitive](hint) { return hint === 'string' ? 'prim' : 1; } }));
both('from valueOf array', (B) => B.from({ valueOf() { return [1, 2]; } }));
for (const bad of [5, true, null, undefined, Symbol('s'), () => 1, {}, { valueOf() { return 5; } }, 5n]) {
  both(`from bad ${typeof bad}`, (B) => B.from(bad));
}
both('of', (B) => [B.of(1, 2, 300), B.of(), B.of(1) instanceof B]);
both('copyBytesFrom', (B) => {
  const u16 = new Uint16Array([1, 2, 3, 0xffff]);
  return [B.copyBytesFrom(u16), B.copyBytesFrom(u16, 1), B.copyBytesFrom(u16, 1, 2), B.copyBytesFrom(u16, 5),
    B.copyBytesFrom(new Uint8Array(0)), B.copyBytesFrom(new Float64Array([1.5]), 0, 10)];
});
both('copyBytesFrom bad', (B) => B.copyBytesFrom([1, 2]));
both('copyBytesFrom bad offset', (B) => B.copyBytesFrom(new Uint8Array(2), -1));
both('copyBytesFrom bad length', (B) => B.copyBytesFrom(new Uint8Array(2), 0, 1.5));

// ---------------------------------------------------------------------------
// alloc / fill

for (const args of [[0], [5], [5, 1], [5, 'ab'], [5, 'ab', 'hex'], [5, 'abz', 'hex'], [5, 'aGk=', 'base64'], [5, ''], [4, 'é'],
  [5, 257], [5, -1], [5, 3.7], [3, true], [4, [1, 2]], [6, new Uint8Array([1, 2])], [5, 'x', 'ucs2'], [5, '\u0100', 'latin1'],
  [3, 'a', 'foo'], [3, 'a', 5], [-1], ['5'], [NaN], [1.5], [2 ** 33], [Infinity], [3, new Uint16Array([0x4142])],
  [7, 'ab', 'ucs2'], [7, '€', 'ascii'], [4, new Uint8Array(0)], [4, 'zz', 'hex'], [5, '\uD800', 'utf8'], [5, 'ab', 'base64url']]) {
  both(`alloc(${args.map(String)})`, (B) => B.alloc(...args));
}
for (const f of ['allocUnsafe', 'allocUnsafeSlow']) {
  both(`${f} sizes`, (B) => [0, 1, 100, 5000].map((n) => B[f](n).length));
  both(`${f} bad`, (B) => B[f](-1));
  both(`${f} bad2`, (B) => B[f]('1'));
}
for (const args of [[1], [0x141], ['a'], ['abc'], ['abc', 2], ['abc', 1, 4], ['abc', 'latin1'], ['abc', 1, 'hex'], ['6162', 'hex'],
  ['é', 1], [7, 2, 3], [7, 3, 2], [7, -1], [7, 0, 11], [7, 0, 10], [7, 1.5], [7, '1'], ['x', 0, 5, 'ucs2'], ['', 2],
  [new Uint8Array([9, 8, 7]), 1], [B => B.from('xy'), 3], [{ valueOf() { return 65; } }], [null], [undefined], [NaN],
  ['a', 0, 10, 'bogus'], ['a', 0, 10, 7], ['aGk', 'base64'], ['\u0100\u0101', 'latin1'], ['\u0100\u0101', 'ascii'], ['abc', 'ucs2'],
  [7, 2, undefined], ['abc', undefined, undefined, 'hex'], [[1, 2]], [5n]]) {
  both(`fill(${args.map((a) => (typeof a === 'function' ? 'buf' : String(a)))})`, (B) => {
    const b = B.alloc(10, 0x2e);
    const a = args.map((x) => (typeof x === 'function' ? x(B) : x));
    const r = b.fill(...a);
    return [r === b, b];
  });
}

// ---------------------------------------------------------------------------
// write

for (const args of [['abc'], ['abc', 2], ['abc', 2, 1], ['abc', 'hex'], ['616263', 'hex'], ['616263', 1, 'hex'], ['616263', 1, 2, 'hex'],
  ['abc', 8], ['abc', 9], ['abc', -1], ['abc', 1.5], ['abc', 0, 1.5], ['abc', 0, -1], ['abc', 0, 100], ['abc', '1'],
  ['abc', 0, 3, 'foo'], ['héllo', 'latin1'], ['héllo', 'ascii'], ['héllo', 'ucs2'], ['héllo', 1, 3, 'ucs2'], ['aGVsbG8', 'base64'],
  ['aGVsbG8', 'base64url'], ['€€€', 6], ['€€€', 0, 7], ['\u{1F600}x', 5], ['a', undefined, 2], ['a', 'utf8', 1], [12], [null, 0],
  ['abc', 0, undefined, 'latin1'], ['abc', 'hex', 3], ['\uD800abc', 0], ['ab', 0, 'UTF-16LE'], ['abcd', 0, 'BINARY']]) {
  both(`write(${args.map(String)})`, (B) => { const b = B.alloc(9, 0x2e); return [b.write(...args), b]; });
}

// Native-style prototype codec methods.
for (const m of ['utf8', 'latin1', 'ascii', 'hex', 'ucs2', 'base64', 'base64url']) {
  both(`${m}Slice args`, (B) => {
    const b = B.from('hello world!');
    const out = [];
    for (const a of [[], [1], [1, 5], [5, 1], ['2', '4'], [1.7, 4.2], [NaN, null], [{}, 3], [0, 12]]) out.push(b[`${m}Slice`](...a));
    return out;
  });
  both(`${m}Slice oob`, (B) => B.from('abc')[`${m}Slice`](0, 4));
  both(`${m}Slice neg`, (B) => B.from('abc')[`${m}Slice`](-1));
  both(`${m}Slice empty`, (B) => B.alloc(0)[`${m}Slice`](5, 10));
  both(`${m}Write args`, (B) => {
    const out = [];
    for (const a of [['abcd'], ['abcd', 1], ['abcd', 1, 2], ['abcd', 4], ['abcd', NaN, null], ['abcd', 1, 100], ['6162', '1', '2']]) {
      const b = B.alloc(4);
      out.push(b[`${m}Write`](...a), b);
    }
    return out;
  });
  both(`${m}Write oob`, (B) => B.alloc(4)[`${m}Write`]('a', 5));
  both(`${m}Write neg`, (B) => B.alloc(4)[`${m}Write`]('a', 1, -1));
  both(`${m}Write nonstring`, (B) => B.alloc(4)[`${m}Write`](5));
  both(`${m}Slice on Uint8Array`, (B) => B.prototype[`${m}Slice`].call(new Uint8Array([104, 105])));
  both(`${m}Slice on object`, (B) => B.prototype[`${m}Slice`].call({}));
}

// ---------------------------------------------------------------------------
// indexOf / lastIndexOf / includes

const HAY = 'abcabc€dé\u0000 abc';
const NEEDLES = ['abc', 'c', '', 'é', '€', 'x', 'bca', 'abc€', 0x61, 97 + 256, -159, 0, 3.5, 'YWJj', '6162', 'ab'];
const OFFSETS = [undefined, 0, 1, 3, -1, -4, -100, 100, 2.5, '2', 'hex', null, NaN, {}, [], 2 ** 40, -(2 ** 40), Infinity, -Infinity];
for (const n of NEEDLES) {
  for (const o of OFFSETS) {
    both(`indexOf(${String(n)}, ${String(o)})`, (B) => {
      const b = B.from(HAY);
      return [b.indexOf(n, o), b.lastIndexOf(n, o), b.includes(n, o)];
    });
  }
  for (const e of ['utf8', 'latin1', 'binary', 'ucs2', 'hex', 'base64', 'base64url', 'ascii', 'bogus']) {
    both(`indexOf(${String(n)}, enc ${e})`, (B) => {
      const b = B.from(HAY, e === 'ucs2' ? 'ucs2' : 'utf8');
      return [b.indexOf(n, 0, e), b.lastIndexOf(n, undefined, e), b.indexOf(n, e), b.lastIndexOf(n, -3, e)];
    });
  }
}
both('indexOf buffer needle', (B) => {
  const b = B.from('aXbXcXabcXab');
  const out = [];
  for (const n of [B.from('ab'), B.from('X'), B.alloc(0), new Uint8Array([99]), B.from('abcXabcXabcXabc')]) {
    for (const o of [undefined, 0, 3, -2, 20, -20]) out.push(b.indexOf(n, o), b.lastIndexOf(n, o));
  }
  return out;
});
both('indexOf ucs2 buffer needle', (B) => {
  const b = B.from('abcab', 'ucs2');
  return [b.indexOf(B.from('b', 'ucs2'), 0, 'ucs2'), b.indexOf(B.from([0x62]), 0, 'ucs2'), b.lastIndexOf(B.from('ab', 'ucs2'), undefined, 'ucs2'),
    b.indexOf(B.from([0x00, 0x62]), 0, 'ucs2'), b.indexOf(B.from([0x00, 0x62])), b.indexOf('b', 1, 'ucs2'), b.indexOf('b', 3, 'ucs2')];
});
both('indexOf bad value', (B) => B.from('a').indexOf({}));
both('indexOf bad value2', (B) => B.from('a').indexOf(true));
both('indexOf empty hay', (B) => { const b = B.alloc(0); return [b.indexOf('a'), b.indexOf(''), b.indexOf(0), b.lastIndexOf(''), b.indexOf(B.alloc(0), 5)]; });
both('indexOf on uint16', (B) => B.prototype.indexOf.call(new Uint16Array([0x6261, 0x6463]), 'c'));
both('indexOf bad this', (B) => B.prototype.indexOf.call({}, 'c'));
for (let t = 0; t < 400; t++) {
  const hay = randomBytes(ri(30), false).map((x) => x % 4 + 97);
  const needle = randomBytes(ri(4), false).map((x) => x % 4 + 97);
  const off = ri(40) - 20;
  both(`fuzz indexOf #${t}`, (B) => {
    const b = B.from(hay);
    const n = B.from(needle);
    const s = n.toString('latin1');
    return [b.indexOf(n, off), b.lastIndexOf(n, off), b.indexOf(s, off), b.lastIndexOf(s, off), b.indexOf(needle[0] ?? 0, off), b.lastIndexOf(needle[0] ?? 0, off),
      b.indexOf(s, off, 'ucs2'), b.lastIndexOf(n, off, 'ucs2')];
  });
}

// ---------------------------------------------------------------------------
// compare / equals / concat / copy

both('compare', (B) => {
  const xs = [B.from(''), B.from('a'), B.from('ab'), B.from('b'), B.from([0xff]), B.from('abc')];
  const out = [];
  for (const a of xs) for (const b of xs) out.push(B.compare(a, b), a.compare(b), a.equals(b));
  return out;
});
both('compare ranges', (B) => {
  const a = B.from('abcdef');
  const b = B.from('xxcdexx');
  const out = [];
  for (const args of [[2, 5, 2, 5], [0, 7, 0, 6], [2, 4], [undefined, undefined, 1, 3], [3, 3, 1, 1], [3, 3], [0, 0, 1, 2], [5, 2, 0, 6]]) {
    out.push(a.compare(b, ...args));
  }
  return out;
});
for (const args of [[-1], [0, 8], [0, 1, -1], [0, 1, 0, 7], [1.5], ['1'], [0, 1, 2 ** 33], [null]]) {
  both(`compare bad ${args.map(String)}`, (B) => B.from('abcdef').compare(B.from('abcdef0'), ...args));
}
both('compare bad target', (B) => B.from('a').compare('a'));
both('Buffer.compare bad', (B) => B.compare(B.from('a'), 'a'));
both('Buffer.compare bad1', (B) => B.compare([], B.from('a')));
both('equals bad', (B) => B.from('a').equals('a'));
both('equals uint8', (B) => [B.from('ab').equals(new Uint8Array([97, 98])), B.from('').equals(new Uint8Array(0))]);
both('concat', (B) => [B.concat([B.from('ab'), new Uint8Array([1, 2]), B.from('')]), B.concat([]), B.concat([B.from('abc'), B.from('de')], 4),
  B.concat([B.from('abc')], 6), B.concat([B.from('x')], 0)]);
both('concat bad list', (B) => B.concat('ab'));
both('concat bad item', (B) => B.concat([B.from('a'), 'b']));
both('concat bad item2', (B) => B.concat([B.from('a'), [1]]));
both('concat bad length', (B) => B.concat([B.from('a')], -1));
both('concat bad length2', (B) => B.concat([B.from('a')], '1'));
for (const args of [[], [1], [1, 2], [1, 2, 4], [0, 0, 100], [20], [0, 5, 3], [-1], [0, -1], [0, 10], [0, 0, -1], ['1', '1', '3'],
  [1.5, 0.5, 3.9], [NaN, NaN, NaN], [0, 2 ** 60], [undefined, undefined, 2]]) {
  both(`copy(${args.map(String)})`, (B) => { const s = B.from('abcdef'); const t = B.alloc(8, 0x2e); return [s.copy(t, ...args), t]; });
}
both('copy bad target', (B) => B.from('a').copy('x'));
both('copy to uint8', (B) => { const t = new Uint8Array(3); return [B.from('abc').copy(t, 1), t]; });
both('copy overlapping', (B) => { const s = B.from('abcdef'); return [s.copy(s, 2, 0, 4), s]; });

// ---------------------------------------------------------------------------
// slice / subarray / swap

both('slice shares memory', (B) => { const b = B.from('abcdef'); const s = b.slice(1, 3); s[0] = 0x58; return [b, s, s instanceof B]; });
for (const args of [[], [2], [-2], [2, 4], [4, 2], [-100, 100], [1.5, 3.5], ['1', '3'], [NaN, NaN], [undefined, -1], [Infinity], [0, -Infinity], [null, 3]]) {
  both(`subarray(${args.map(String)})`, (B) => { const b = B.from('abcdef'); return [b.subarray(...args), b.slice(...args)]; });
}
for (const n of [0, 2, 3, 4, 8, 16, 130, 200, 256]) {
  both(`swap ${n}`, (B) => {
    const mk = () => B.from(Array.from({ length: n }, (_, i) => i & 0xff));
    const out = [];
    for (const m of ['swap16', 'swap32', 'swap64']) {
      try { out.push(mk()[m]()); } catch (e) { out.push(e.code, e.message); }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// Numeric read/write

const READS = ['readUInt8', 'readUInt16LE', 'readUInt16BE', 'readUInt32LE', 'readUInt32BE', 'readInt8', 'readInt16LE', 'readInt16BE',
  'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE',
  'readBigInt64LE', 'readBigInt64BE', 'readUint8', 'readUint16LE', 'readUint32BE', 'readBigUint64LE'];
const READ_OFFSETS = [undefined, 0, 1, 2, 3, 4, 7, 8, 9, 15, 16, -1, 1.5, '1', NaN, null, Infinity, 2 ** 53];
for (const m of READS) {
  for (const o of READ_OFFSETS) {
    both(`${m}(${String(o)})`, (B) => { const b = B.from([0x01, 0x80, 0xff, 0x7f, 0x00, 0x12, 0x34, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10, 0x88]); return b[m](o); });
  }
}
for (let t = 0; t < 300; t++) {
  const bytes = randomBytes(16, false);
  both(`fuzz reads #${t}`, (B) => {
    const b = B.from(bytes);
    const out = [];
    for (const m of READS) out.push(b[m](t % 8));
    for (let bl = 1; bl <= 6; bl++) out.push(b.readUIntLE(t % 8, bl), b.readUIntBE(t % 8, bl), b.readIntLE(t % 8, bl), b.readIntBE(t % 8, bl));
    return out;
  });
}
for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
  for (const [o, bl] of [[0, 0], [0, 7], [0, 1.5], [0, '2'], [undefined, 2], [0], [5, 6], [10, 6], [-1, 2], [1.5, 2], ['0', 2], [4, 6], [0, -1], [0, NaN]]) {
    both(`${m}(${String(o)}, ${String(bl)})`, (B) => B.alloc(10, 0x81)[m](o, bl));
  }
}
const WRITES = [
  ['writeUInt8', [0, 255, 256, -1, 1.5, '7', NaN, 3.9e9]], ['writeInt8', [-128, 127, 128, -129, -1.5]],
  ['writeUInt16LE', [0, 65535, 65536, -1, 0x1234]], ['writeUInt16BE', [0x1234, 70000]], ['writeInt16LE', [-32768, 32767, 32768, -32769, -2]],
  ['writeInt16BE', [-2, 40000]], ['writeUInt32LE', [0xdeadbeef, 2 ** 32, -1, 1.5]], ['writeUInt32BE', [0xdeadbeef, 2 ** 32]],
  ['writeInt32LE', [-1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1]], ['writeInt32BE', [-123456, 2 ** 31 - 1]],
  ['writeFloatLE', [1.5, -0, NaN, Infinity, 3.4e39, '2.5', {}]], ['writeFloatBE', [1.1, -1e-40]], ['writeDoubleLE', [Math.PI, -0, NaN]],
  ['writeDoubleBE', [1e308, 5e-324, 'x']], ['writeBigUInt64LE', [0n, 2n ** 64n - 1n, 2n ** 64n, -1n, 5]],
  ['writeBigUInt64BE', [0x0102030405060708n]], ['writeBigInt64LE', [-1n, -(2n ** 63n), 2n ** 63n, -(2n ** 63n) - 1n]],
  ['writeBigInt64BE', [-2n, 2n ** 62n]], ['writeUint32LE', [7]], ['writeBigUint64BE', [9n]],
];
for (const [m, values] of WRITES) {
  for (const v of values) {
    for (const o of [undefined, 0, 1, 3, 4, 5, 8, -1, 1.5, '0', null, NaN]) {
      both(`${m}(${String(v)}, ${String(o)})`, (B) => { const b = B.alloc(12); const r = b[m](v, o); return [r, b]; });
    }
  }
}
for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
  for (let bl = 0; bl <= 7; bl++) {
    for (const v of [0, 1, -1, 255, 256, 2 ** 40 - 1, 2 ** 47, -(2 ** 47), 2 ** 48 - 1, 2 ** 48, 0x123456789a, -0x123456789a, 1.5, -1.5, NaN, '12']) {
      for (const o of [0, 2, 5, undefined]) {
        both(`${m}(${v}, ${String(o)}, ${bl})`, (B) => { const b = B.alloc(8); const r = b[m](v, o, bl); return [r, b]; });
      }
    }
  }
  both(`${m} bad byteLength`, (B) => B.alloc(8)[m](1, 0, 1.5));
  both(`${m} str byteLength`, (B) => B.alloc(8)[m](1, 0, '2'));
}
for (let t = 0; t < 300; t++) {
  const bl = 1 + (t % 6);
  const v = Math.floor((rand() - 0.5) * 2 ** (bl * 8));
  both(`fuzz writeIntLE/BE #${t}`, (B) => {
    const b = B.alloc(8);
    const out = [];
    try { out.push(b.writeIntLE(v, 1, bl), b.readIntLE(1, bl)); } catch (e) { out.push(e.code); }
    try { out.push(b.writeIntBE(v, 1, bl), b.readIntBE(1, bl)); } catch (e) { out.push(e.code); }
    try { out.push(b.writeUIntLE(Math.abs(v), 1, bl), b.readUIntLE(1, bl)); } catch (e) { out.push(e.code); }
    return [out, b];
  });
}

// ---------------------------------------------------------------------------
// inspect, atob/btoa, isUtf8/isAscii

both('inspect.custom', (B, m) => {
  const f = B.prototype[Symbol.for('nodejs.util.inspect.custom')];
  const out = [];
  for (const n of [0, 1, 5, 50, 51, 52, 100]) out.push(f.call(B.alloc(n, 0xab), 2, undefined));
  out.push(f.call(B.from('hello'), 2, undefined));
  return out;
});
both('inspect.custom extras', (B) => {
  const f = B.prototype[Symbol.for('nodejs.util.inspect.custom')];
  const b = B.from('hi');
  b.foo = 1;
  b[Symbol('s')] = 'x';
  const e = B.alloc(0);
  e.bar = [1, 2];
  const ctx = { depth: 2, showHidden: false, colors: false, compact: 3, breakLength: 80, stylize: (s) => s, maxArrayLength: 100, maxStringLength: 100, sorted: false, getters: false, numericSeparator: false, customInspect: true, showProxy: false };
  return [f.call(b, 2, ctx), f.call(e, 2, ctx)];
});
both('inspect via INSPECT_MAX_BYTES', (B, m) => {
  const f = B.prototype[Symbol.for('nodejs.util.inspect.custom')];
  m.INSPECT_MAX_BYTES = 3;
  const r = f.call(B.from('abcdef'), 1);
  m.INSPECT_MAX_BYTES = 50;
  return r;
});
both('inspect.custom on subclass', (B) => {
  class Sub extends B {}
  const f = B.prototype[Symbol.for('nodejs.util.inspect.custom')];
  return f.call(new Uint8Array([1, 2]), 1);
});

const ATOB_INPUTS = ['', ' ', 'a', 'ab', 'abc', 'abcd', 'ab$c', 'ab=c', 'abc=', 'ab==', 'ab===', 'a===', 'abcde', 'ab cd', 'ab\tcd\n', 'abc-', 'abc_',
  '\u0100', 'YQ', 'YR', 'YR==', 'YQ=', '=', '==', 'ab\u00a0cd', 'abcd=', 'abcd==', 'ab=', 'a=b=', 'YWJj\u000bZA', 'YWJj\fZA', 'aGVsbG8gd29ybGQ=',
  '////', '++++', 'AAAA'.repeat(5000), null, undefined, 123, { toString() { return 'YWI='; } }];
for (const s of ATOB_INPUTS) {
  both(`atob(${JSON.stringify(String(s)).slice(0, 30)})`, (B, m) => m.atob(s));
}
for (let t = 0; t < 500; t++) {
  const s = randomString(ri(12), 'ABCab01+/= \n-_$');
  both(`fuzz atob #${t} ${JSON.stringify(s)}`, (B, m) => m.atob(s));
}
both('atob no args', (B, m) => m.atob());
for (const s of ['', 'a', 'ab', 'abc', 'hello world', '\u00ff\u0000\u0080', '\u0100', 'x\uD800', null, undefined, 5, 'é'.repeat(10000)]) {
  both(`btoa(${JSON.stringify(String(s)).slice(0, 20)})`, (B, m) => m.btoa(s));
}
both('btoa no args', (B, m) => m.btoa());
for (const bytes of [...SAMPLE_BYTES, ...Array.from({ length: 200 }, () => randomBytes(ri(12), true))]) {
  both(`isUtf8/isAscii [${bytes.slice(0, 8)}]`, (B, m) => [m.isUtf8(new Uint8Array(bytes)), m.isAscii(new Uint8Array(bytes)), m.isUtf8(B.from(bytes).buffer.slice(0))]);
}
both('isUtf8 bad', (B, m) => m.isUtf8('abc'));
both('isAscii bad', (B, m) => m.isAscii([1]));
both('isUtf8 views', (B, m) => [m.isUtf8(new Uint16Array([0x41c3])), m.isAscii(new Int8Array([-1])), m.isUtf8(new DataView(new ArrayBuffer(1)))]);

// ---------------------------------------------------------------------------
// Error messages of arguments

both('alloc bad type', (B) => B.alloc('10'));
both('alloc neg', (B) => B.alloc(-5));
both('alloc huge', (B) => B.alloc(2 ** 33));
both('from num', (B) => B.from(10));
both('readUInt8 string offset', (B) => B.alloc(2).readUInt8('x'));
both('Buffer(num, str)', (B) => B(5, 'hex'));
both('readFloatLE oob', (B) => B.alloc(3).readFloatLE(0));
both('writeDoubleLE oob', (B) => B.alloc(3).writeDoubleLE(1));
both('swap16 odd', (B) => B.alloc(3).swap16());

S.finish();
