// Differential test: loopd's lib/internal/structured_clone.js vs node's global
// structuredClone.
// Run: node loop-node/src/test/js/clone-diff.mjs
import { load, Suite, rng } from './diff-util.mjs';

const nodeClone = globalThis.structuredClone;
// GraalJS has ES2024's ArrayBuffer.prototype.transfer (which the clone uses to
// move transferred buffers); node 20's V8 does not: emulate it here.
if (typeof ArrayBuffer.prototype.transfer !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transfer', {
    configurable: true,
    writable: true,
    value: function transfer() { return nodeClone(this, { transfer: [this] }); },
  });
}
const { structuredClone: mineClone } = load('internal/structured_clone');
const S = new Suite('clone');
const rand = rng(0xC10E);
const ri = (n) => Math.floor(rand() * n);

// Describes a clone: structure plus prototypes and own property names, so
// that lost prototypes / dropped properties show up.
function shape(v, seen = new Map()) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
    if (typeof v === 'bigint') return `${v}n`;
    if (v === undefined) return 'undefined';
    return v;
  }
  if (seen.has(v)) return `<ref ${seen.get(v)}>`;
  seen.set(v, seen.size);
  const proto = Object.getPrototypeOf(v);
  const protoName = proto === null ? 'null' : (Object.getOwnPropertyDescriptor(proto, 'constructor')?.value?.name ?? '?');
  const out = { proto: protoName };
  const tag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.call(v);
  if (tag !== undefined) {
    out.typed = [tag, v.byteOffset, v.length, Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), shape(v.buffer, seen)];
    return out;
  }
  if (v instanceof DataView) {
    out.dv = [v.byteOffset, v.byteLength, shape(v.buffer, seen)];
    return out;
  }
  if (v instanceof ArrayBuffer) {
    out.ab = [v.byteLength, v.resizable, v.maxByteLength, Array.from(new Uint8Array(v))];
    return out;
  }
  if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) {
    out.sab = v.byteLength;
    return out;
  }
  if (v instanceof Date) out.date = v.getTime();
  if (v instanceof RegExp) out.regexp = [v.source, v.flags, v.lastIndex];
  if (v instanceof Map) out.map = [...v].map(([k, x]) => [shape(k, seen), shape(x, seen)]);
  if (v instanceof Set) out.set = [...v].map((x) => shape(x, seen));
  if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt) out.boxed = shape(v.valueOf());
  if (v instanceof Error) out.error = [v.name, v.message, typeof v.stack];
  if (Array.isArray(v)) out.length = v.length;
  out.own = Reflect.ownKeys(v).filter((k) => !(v instanceof String) || !/^\d+$/.test(k) || Number(k) >= v.length).map((k) => {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (k === 'stack' && v instanceof Error) return [String(k), d.enumerable, typeof d.value];
    return [String(k), d.enumerable, d.writable, 'value' in d ? shape(d.value, seen) : 'accessor'];
  });
  return out;
}

function errorInfo(e) {
  if (e === null || typeof e !== 'object') return { thrownValue: e };
  return { thrown: [e.name, e.message, e.code, e instanceof Error] };
}

// f(clone, env) returns [value, options] or does the clone itself.
function check(label, make, after) {
  const run = (clone) => {
    const args = make();
    const [value, options, extra] = args;
    try {
      const c = args.length === 0 ? clone() : args.length === 1 ? clone(value) : clone(value, options);
      return { ok: shape(c), after: after ? after(c, value, extra) : undefined };
    } catch (e) {
      return { ...errorInfo(e), after: after ? after(undefined, value, extra) : undefined };
    }
  };
  return S.same(label, run(mineClone), run(nodeClone));
}

// ---------------------------------------------------------------------------
// Primitives and wrappers

const PRIMS = [undefined, null, true, false, 0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 53, '', 'str', '\uD800', 0n, -(2n ** 70n)];
for (const p of PRIMS) check(`prim ${String(p)}`, () => [p]);
check('no args', () => []);
S.same('no args throws', (() => { try { mineClone(); } catch (e) { return errorInfo(e); } })(), (() => { try { nodeClone(); } catch (e) { return errorInfo(e); } })());
for (const w of [Object(1), Object(-0), Object('s'), Object(true), Object(false), Object(10n), Object(NaN)]) check(`boxed ${String(w)}`, () => [w]);
check('boxed extra props dropped', () => { const s = new String('ab'); s.x = 1; return [s]; });
check('symbol', () => [Symbol('x')]);
check('symbol no desc', () => [Symbol()]);
check('boxed symbol', () => [Object(Symbol('x'))]);

// ---------------------------------------------------------------------------
// Objects and arrays

check('plain object', () => [{ a: 1, b: 'x', c: { d: [1, 2] } }]);
check('prototype lost', () => [Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })]);
check('null prototype', () => [Object.assign(Object.create(null), { a: 1 })]);
check('class instance', () => { class A { #priv = 1; y = 2; get z() { return 3; } m() {} } return [new A()]; });
check('class with private only', () => { class B { #p = 1; } return [new B()]; });
check('getters invoked', () => [{ get a() { return 5; }, b: undefined }]);
check('non-enumerable dropped', () => { const o = { a: 1 }; Object.defineProperty(o, 'h', { value: 2, enumerable: false }); return [o]; });
check('symbol keys dropped', () => [{ [Symbol('s')]: 1, [Symbol('f')]: () => {}, b: 2 }]);
check('key order', () => [{ b: 1, 2: 'two', a: 2, 1: 'one', '-1': 'neg', '01': 'lead', 4294967295: 'max', 4294967294: 'maxidx' }]);
check('__proto__ key', () => [JSON.parse('{"__proto__": {"x": 1}, "y": 2}')]);
check('array', () => [[1, 'a', null, undefined, [2, [3]]]]);
check('sparse array', () => { const a = [1, , 3]; a.length = 6; return [a]; });
check('array extra props', () => { const a = [1, 2]; a.x = 'y'; a['5'] = 3; return [a]; });
check('array subclass', () => { class MyArr extends Array {} return [MyArr.from([1, 2])]; });
check('array nonenumerable index', () => { const a = [1, 2, 3]; Object.defineProperty(a, 1, { value: 9, enumerable: false }); return [a]; });
check('array getter index', () => { const a = [1, 2]; Object.defineProperty(a, 1, { get() { return 'g'; }, enumerable: true }); return [a]; });
check('big sparse', () => { const a = new Array(100000); a[3] = 1; a[99999] = 2; return [a]; });
check('cycle', () => { const o = { name: 'root' }; o.self = o; o.arr = [o]; return [o]; }, (c) => c && [c.self === c, c.arr[0] === c]);
check('shared refs', () => { const x = { v: 1 }; return [[x, x, { x }]]; }, (c) => c && [c[0] === c[1], c[2].x === c[0]]);
check('deep nesting', () => { let o = {}; const root = o; for (let i = 0; i < 500; i++) { o.c = { i }; o = o.c; } return [root]; });
check('mutation during: delete', () => { const o = { a: { get x() { delete o.b; o.c = 3; return 1; } }, b: 2 }; return [o]; });
check('mutation during: array length', () => { const a = [1, { get x() { a.length = 1; return 1; } }, 3]; return [a]; });
check('mutation during: map', () => { const m = new Map([[1, { get a() { m.set(2, 2); return 1; } }]]); return [m]; });
check('getter throws', () => [{ get a() { throw new RangeError('getter boom'); } }]);
check('getter throws nested', () => [[1, { b: { get c() { throw 'str thrown'; } } }]]);

// ---------------------------------------------------------------------------
// Built-in types

check('date', () => [new Date(1234567890123)]);
check('date invalid', () => [new Date(NaN)]);
check('date props dropped', () => { const d = new Date(5); d.x = 1; return [d]; });
check('regexp', () => { const r = /ab+c/gi; r.lastIndex = 3; r.foo = 1; return [r]; });
for (const r of [/x/, /a/dgimsuy, /b/v, /[\u{1F600}]/u, new RegExp('/', 'g')]) check(`regexp ${r}`, () => [r]);
check('map', () => [new Map([[1, { a: 1 }], [{ k: 1 }, 2], ['s', new Set([1])]])]);
check('map extra props dropped', () => { const m = new Map(); m.x = 1; return [m]; });
check('set', () => [new Set([3, 1, 2, { o: 1 }, [1]])]);
check('circular map', () => { const m = new Map(); m.set(m, m); return [m]; }, (c) => c && c.get(c) === c);
check('map with function value', () => [new Map([[1, () => {}]])]);
check('map with function key', () => [new Map([[() => {}, 1]])]);
check('set with symbol', () => [new Set([Symbol('q')])]);

// ---------------------------------------------------------------------------
// Binary data

check('arraybuffer', () => { const ab = new ArrayBuffer(8); new Uint8Array(ab).set([1, 2, 3]); return [ab]; });
check('resizable arraybuffer', () => [new ArrayBuffer(2, { maxByteLength: 8 })]);
check('typed arrays', () => [[new Int8Array([-1]), new Uint16Array([5, 6]), new Float64Array([1.5]), new BigInt64Array([-5n]), new BigUint64Array([5n]),
  new Uint8ClampedArray([300]), new Float32Array([2.5]), new Int32Array([-7]), new Uint32Array([7]), new Int16Array([-3])]]);
check('typed array offset', () => { const ab = new ArrayBuffer(8); const a = new Uint8Array(ab, 2, 3); a.set([9, 8, 7]); return [a]; });
check('views share buffer', () => { const ab = new ArrayBuffer(8); return [[new Uint8Array(ab, 2, 3), new Uint16Array(ab, 4, 2), new DataView(ab, 1, 2), ab]]; },
  (c) => c && [c[0].buffer === c[1].buffer, c[1].buffer === c[2].buffer, c[3] === c[0].buffer]);
check('view extra props dropped', () => { const u = new Uint8Array(2); u.x = 1; return [u]; });
check('Buffer becomes Uint8Array', () => [Buffer.alloc(5, 'hello')]);
check('subarray', () => [new Uint8Array([1, 2, 3, 4]).subarray(1, 3)]);
check('dataview', () => [new DataView(new ArrayBuffer(4), 1, 2)]);
check('sab', () => [new SharedArrayBuffer(2)]);
check('typed on sab', () => [new Int32Array(new SharedArrayBuffer(8))]);

// ---------------------------------------------------------------------------
// Errors

check('error', () => [new Error('m')], (c, v) => c && [c.stack === v.stack]);
for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) check(`error ${E.name}`, () => [new E('msg')]);
check('error cause', () => [new TypeError('m', { cause: new Error('c') })], (c) => c && [c.cause instanceof Error, c.cause.message]);
check('error cause undefined', () => [new Error('x', { cause: undefined })]);
check('error cause function', () => [new Error('x', { cause: () => {} })]);
check('error cause getter', () => { const e = new Error('x'); Object.defineProperty(e, 'cause', { get() { return 1; } }); return [e]; });
check('error extra props dropped', () => { const e = new Error('x'); e.code = 'C'; e.extra = { a: 1 }; return [e]; });
check('error custom class', () => { class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } } return [new MyErr('q')]; });
check('error subclass of RangeError', () => { class E2 extends RangeError {} return [new E2('q')]; });
check('error renamed', () => { const e = new Error('x'); e.name = 'RangeError'; return [e]; });
check('error renamed unknown', () => { const e = new TypeError('x'); e.name = 'MyName'; return [e]; });
check('error name object', () => { const e = new Error('m'); e.name = { toString() { return 'URIError'; } }; return [e]; });
check('error no message', () => [new Error()]);
check('error message deleted', () => { const e = new Error('m'); delete e.message; return [e]; });
check('error message number', () => { const e = new Error('x'); e.message = 5; return [e]; });
check('error message undefined', () => { const e = new Error('x'); e.message = undefined; return [e]; });
check('error message object', () => { const e = new Error('x'); e.message = { toString() { return 'obj'; } }; return [e]; });
check('error message accessor', () => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { return 'gm'; }, configurable: true }); return [e]; });
check('error stack custom', () => { const e = new Error('x'); e.stack = 'custom stack'; return [e]; }, (c) => c && c.stack);
check('error stack non-string', () => { const e = new Error('x'); e.stack = 5; return [e]; }, (c) => c && [c.stack]);
check('error null proto', () => { const e = new Error('x'); Object.setPrototypeOf(e, null); return [e]; });
check('object with Error proto', () => [Object.create(Error.prototype)]);
check('aggregate error', () => [new AggregateError([1], 'agg')]);
check('DOMException-like', () => [new (load('internal/dom_exception').DOMException)('m', 'AbortError')]);
check('error in array', () => [[new RangeError('r'), { e: new Error('e') }]]);
check('error cycle via cause', () => { const e = new Error('x'); e.cause = e; return [e]; }, (c) => c && c.cause === c);

// ---------------------------------------------------------------------------
// Uncloneables

const UNCLONEABLES = {
  arrow: () => () => {},
  function: () => function foo(a) { return a; },
  method: () => ({ f() {} }).f,
  class: () => class Foo {},
  asyncFn: () => async function af() {},
  generatorFn: () => function* gf() {},
  native: () => Math.max,
  weakmap: () => new WeakMap(),
  weakset: () => new WeakSet(),
  weakref: () => new WeakRef({}),
  finreg: () => new FinalizationRegistry(() => {}),
  promise: () => Promise.resolve(1),
  promiseSubclass: () => { class P extends Promise {} return P.resolve(); },
  weakmapSubclass: () => { class W extends WeakMap {} return new W(); },
  weaksetOwnToString: () => { const w = new WeakSet(); w.toString = () => 'x'; return w; },
  weaksetNamelessCtor: () => { const w = new WeakSet(); w.constructor = function() {}; return w; },
  generator: () => (function* () {})(),
  asyncGenerator: () => (async function* () {})(),
  arguments: () => (function() { return arguments; })(1, 2),
  globalThis: () => globalThis,
  nestedFn: () => ({ a: { b: [1, function named() {}] } }),
  fnInArrayHole: () => [1, , () => 2],
};
for (const [name, make] of Object.entries(UNCLONEABLES)) check(`uncloneable ${name}`, () => [make()]);
check('math and json are plain', () => [[Math, JSON, Reflect]]);
check('EventTarget-like plain', () => [new EventTarget()]);
check('AbortController plain', () => [new AbortController()]);
check('URL plain', () => [new URL('http://x/')]);

// ---------------------------------------------------------------------------
// Options and transfer

for (const [name, opts] of [['undefined', undefined], ['null', null], ['{}', {}], ['fn', () => {}], ['array', []], ['number', 5], ['string', 'x'],
  ['true', true], ['transfer undefined', { transfer: undefined }], ['transfer null', { transfer: null }], ['transfer string', { transfer: 'ab' }],
  ['transfer number', { transfer: 5 }], ['transfer array-like', { transfer: { length: 0 } }], ['transfer fn', { transfer: () => {} }],
  ['transfer [1]', { transfer: [1] }], ['transfer [null]', { transfer: [null] }], ['transfer [{}]', { transfer: [{}] }],
  ['transfer [u8]', { transfer: [new Uint8Array(1)] }], ['transfer [sab]', { transfer: [new SharedArrayBuffer(1)] }]]) {
  check(`options ${name}`, () => [{ v: 1 }, opts]);
}
check('options getter throws', () => [1, { get transfer() { throw new Error('getter'); } }]);
check('transfer iterator throws', () => [1, { transfer: { [Symbol.iterator]() { throw new Error('iter'); } } }]);
check('transfer arraybuffer', () => { const ab = new ArrayBuffer(4); new Uint8Array(ab).set([1, 2, 3, 4]); return [ab, { transfer: [ab] }, ab]; },
  (c, v, ab) => [ab.byteLength, c && c.byteLength]);
check('transfer via Set', () => { const ab = new ArrayBuffer(2); return [ab, { transfer: new Set([ab]) }, ab]; }, (c, v, ab) => [ab.byteLength]);
check('transfer view buffer', () => { const ab = new ArrayBuffer(4); const u = new Uint8Array(ab, 1, 2); u[0] = 7; return [{ u, ab }, { transfer: [ab] }, ab]; },
  (c, v, ab) => [ab.byteLength, c && c.u.buffer === c.ab]);
check('transfer unrelated buffer', () => { const ab = new ArrayBuffer(2); return [{ x: 1 }, { transfer: [ab] }, ab]; }, (c, v, ab) => [ab.byteLength]);
check('transfer duplicate', () => { const ab = new ArrayBuffer(2); return [ab, { transfer: [ab, ab] }, ab]; }, (c, v, ab) => [ab.byteLength]);
check('transfer then fail keeps buffer', () => { const ab = new ArrayBuffer(2); return [[ab, () => {}], { transfer: [ab] }, ab]; }, (c, v, ab) => [ab.byteLength]);
check('transfer invalid before value error', () => [() => {}, { transfer: [{}] }]);
check('transfer resizable', () => { const ab = new ArrayBuffer(2, { maxByteLength: 4 }); return [ab, { transfer: [ab] }, ab]; }, (c, v, ab) => [ab.byteLength]);
check('transfer detached buffer', () => { const ab = new ArrayBuffer(2); nodeClone(ab, { transfer: [ab] }); return [ab, { transfer: [ab] }]; });
check('clone detached buffer', () => { const ab = new ArrayBuffer(2); nodeClone(ab, { transfer: [ab] }); return [ab]; });
check('clone view of detached buffer', () => { const ab = new ArrayBuffer(2); const u = new Uint8Array(ab); nodeClone(ab, { transfer: [ab] }); return [u]; });
check('clone dataview of detached buffer', () => { const ab = new ArrayBuffer(2); const d = new DataView(ab); nodeClone(ab, { transfer: [ab] }); return [d]; });

// ---------------------------------------------------------------------------
// Random object graphs (built twice from the same seed, one per clone)

function buildGraph(seed) {
  const r = rng(seed);
  const n = (k) => Math.floor(r() * k);
  const pool = [];
  const build = (depth) => {
    switch (n(depth > 3 ? 6 : 14)) {
      case 0: return n(1000) - 500;
      case 1: return ['', 'a', 'héllo', '\uD800x'][n(4)];
      case 2: return [null, undefined, true, false, NaN, -0][n(6)];
      case 3: return BigInt(n(100)) * 10n ** 20n;
      case 4: return pool.length ? pool[n(pool.length)] : 1;
      case 5: return new Date(n(1e12));
      case 6: { const o = {}; pool.push(o); for (let i = n(4); i > 0; i--) o[['a', 'b', '1', 'z'][n(4)]] = build(depth + 1); return o; }
      case 7: { const a = []; pool.push(a); for (let i = n(4); i > 0; i--) a[n(6)] = build(depth + 1); return a; }
      case 8: { const m = new Map(); pool.push(m); for (let i = n(3); i > 0; i--) m.set(build(depth + 1), build(depth + 1)); return m; }
      case 9: { const s = new Set(); pool.push(s); for (let i = n(3); i > 0; i--) s.add(build(depth + 1)); return s; }
      case 10: { const u = new Uint8Array(n(5)).map(() => n(256)); pool.push(u); return u; }
      case 11: return new ([Error, TypeError, RangeError][n(3)])(`e${n(10)}`);
      case 12: return Object(['s', 1, true][n(3)]);
      default: return n(20) === 0 ? () => {} : /re+/g;
    }
  };
  return build(0);
}
for (let t = 0; t < 400; t++) {
  const seed = ri(1e9);
  check(`fuzz graph #${t}`, () => [buildGraph(seed)]);
}

S.finish();
