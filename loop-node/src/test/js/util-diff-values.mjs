// Values for util-diff.mjs: everything a script may hand to console.log / util.inspect.
// makeValues() builds a fresh table each call: [label, value] pairs.

export async function makeValues() {
  const v = [];
  const add = (label, value) => v.push([label, value]);

  // --- primitives -----------------------------------------------------------
  for (const n of [0, -0, 1, -1, 1.5, -2.25, NaN, Infinity, -Infinity, 1e21, 1e-7, 2 ** 53,
    123456789.123, -1234567, 1234.5678, 0.1 + 0.2, 5e-324, Number.MAX_VALUE, 1000000, 12345678901]) {
    add(`number ${Object.is(n, -0) ? '-0' : n}`, n);
  }
  for (const b of [0n, 1n, -1n, 12345n, -123456789n, 123456789012345678901234567890n]) add(`bigint ${b}`, b);
  const strings = [
    '', 'a', 'hello world', "it's", 'say "hi"', `it's "x"`, "it's \"x\" `y`", "it's \"x\" ${y}",
    'a\nb', 'tab\there', 'esc\u001b[0m', 'nul\0', 'del\x7f', 'c1\x85', 'back\\slash', 'é€😀',
    'lone \ud800 high', 'lone \udc00 low', '\ud83d\ude00 pair', 'x'.repeat(16), 'x'.repeat(17),
    'x'.repeat(75), 'x'.repeat(76), 'x'.repeat(77), 'x'.repeat(100), 'y'.repeat(101),
    'line one\nline two\nline three that is long enough to be split by the inspector ok',
    'a'.repeat(60) + '\n' + 'b'.repeat(60) + '\n', "'".repeat(120) + '\n' + '"'.repeat(3),
    'z'.repeat(5001), '日本語のテキスト', 'mixed 日本 text with quotes \' and "',
    `${'\x01'.repeat(120)}`, 'q'.repeat(10001),
  ];
  strings.forEach((s, i) => add(`string ${i}`, s));
  add('true', true);
  add('false', false);
  add('undefined', undefined);
  add('null', null);
  for (const s of [Symbol(), Symbol('desc'), Symbol.iterator, Symbol.for('reg'), Symbol('with\nnl'),
    Symbol("it's"), Symbol('')]) add(`symbol ${String(s)}`, s);

  // --- plain objects ----------------------------------------------------------
  add('empty object', {});
  add('simple object', { a: 1, b: 'two', c: true, d: null, e: undefined });
  add('nested depth 4', { l1: { l2: { l3: { l4: { l5: 'deep' } } } } });
  add('nested arrays', { arr: [[1, [2, [3, [4, [5]]]]]] });
  add('key quoting', {
    'needs-quotes': 1, valid_id: 2, $dollar: 3, 4: 'numeric key', 'with space': 5, '': 'empty',
    ünï: 6, '1a': 7, a1: 8, 'it\'s': 9, 'say "x"': 10, 'new\nline': 11, _: 12, '-1': 13,
  });
  add('symbol keys', { [Symbol('k')]: 'v', regular: 1, [Symbol.iterator]: 2, [Symbol()]: 3 });
  {
    const o = { visible: 1 };
    Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
    Object.defineProperty(o, Symbol('hiddenSym'), { value: 3, enumerable: false });
    add('non-enumerable', o);
  }
  add('accessors', {
    get g() { return 1; },
    set s(v) {},
    get gs() { return { nested: [1, 2] }; },
    set gs(v) {},
    get gnull() { return null; },
    get gstr() { return 'a string'; },
    get throws() { throw new Error('getter boom'); },
    plain: 0,
  });
  {
    const o = {};
    Object.defineProperty(o, '__proto__', { value: 1, enumerable: true });
    o.other = 2;
    add('__proto__ key', o);
  }
  {
    const o = Object.create(null);
    o.a = 1;
    o.nested = Object.create(null);
    add('null proto', o);
    add('null proto empty', Object.create(null));
    const t = Object.create(null);
    t[Symbol.toStringTag] = 'Custom';
    add('null proto own tag', t);
    const t2 = Object.create(null);
    Object.defineProperty(t2, Symbol.toStringTag, { value: 'Hidden', enumerable: false });
    t2.x = 1;
    add('null proto hidden tag', t2);
  }
  add('inherited', Object.create({ inherited: 1 }));
  add('inherited from null-proto', Object.create(Object.create(null)));
  {
    const p = Object.create(null);
    p.x = 1;
    const o = Object.create(p);
    o.own = 2;
    add('proto chain without constructor', o);
  }
  add('constructor prop', { constructor: 'not a function', a: 1 });
  add('constructor fn prop', { constructor: function Fake() {} });
  add('long object', {
    alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccc',
    delta: 'dddddddddddddd',
  });
  add('nested long', {
    nested: { alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'ccccccccc' },
    other: [1, 2, 3], deeper: { x: { y: { z: 1 } } },
  });
  add('exactly at breakLength', { aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbbbbbb', cccccc: 'dddddddddddddddddddd' });
  add('many keys', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])));
  add('object with functions', { fn() {}, arrow: () => {}, nested: { f: function named() {} } });
  add('object with multiline string', { s: 'first line\nsecond line\nthird line that is long'.repeat(3) });
  add('compact 3 rule', { a: { b: { c: {} } }, x: [1, 2, { y: [3] }] });
  add('deep mixed', { a: [{ b: { c: [{ d: 1 }] } }], m: new Map([['k', { deep: { deeper: 1 } }]]) });
  {
    const tagged = { [Symbol.toStringTag]: 'OwnEnumTag', a: 1 };
    add('own enumerable toStringTag', tagged);
    const t2 = { a: 1 };
    Object.defineProperty(t2, Symbol.toStringTag, { value: 'NonEnum' });
    add('own non-enumerable toStringTag', t2);
    add('empty tag', { [Symbol.toStringTag]: '' });
  }

  // --- classes ---------------------------------------------------------------
  class Point { constructor() { this.x = 1; this.y = 2; } }
  class Empty {}
  class Tagged { get [Symbol.toStringTag]() { return 'MyTag'; } }
  class Sub extends Point { constructor() { super(); this.z = 3; } }
  class SubSub extends Sub {}
  class WithProtoProps { constructor() { this.own = 1; } }
  WithProtoProps.prototype.protoData = 'from prototype';
  Object.defineProperty(WithProtoProps.prototype, 'protoGetter', { get() { return 5; }, enumerable: true });
  function OldStyle() { this.v = 1; }
  OldStyle.prototype.method = function() {};
  add('class instance', new Point());
  add('empty class instance', new Empty());
  add('tagged class instance', new Tagged());
  add('subclass instance', new Sub());
  add('subsub instance', new SubSub());
  add('proto props', new WithProtoProps());
  add('old style instance', new OldStyle());
  {
    const o = new Point();
    Object.setPrototypeOf(o, null);
    add('instance with null proto', o);
  }
  {
    class Named {}
    const o = new Named();
    Object.defineProperty(Named.prototype, 'constructor', { value: 5 });
    add('tampered constructor', o);
  }
  {
    const anon = new (class {})();
    add('anonymous class instance', anon);
  }
  class Custom {
    constructor(v) { this.v = v; }
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      return `Custom<${this.v}> depth=${depth} keys=${Object.keys(options).sort().join(',')} ` +
        `${typeof inspect}`;
    }
  }
  add('custom inspect', new Custom(1));
  add('custom inspect nested', { a: { b: new Custom(2) }, list: [new Custom(3)] });
  add('custom returning object', { [Symbol.for('nodejs.util.inspect.custom')]() { return { replaced: [1, 2] }; } });
  add('custom returning this', { x: 1, [Symbol.for('nodejs.util.inspect.custom')]() { return this; } });
  add('custom multiline', { inner: { [Symbol.for('nodejs.util.inspect.custom')]() { return 'line1\nline2'; } } });
  add('custom using inspect', {
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      return `W(${inspect({ a: [1, 2, { b: 3 }] }, options)})`;
    },
  });
  {
    const np = Object.create(null);
    np[Symbol.for('nodejs.util.inspect.custom')] = (depth, options) =>
      `np:${Object.getPrototypeOf(options) === null}:${typeof options.stylize}`;
    add('custom on null proto', np);
  }
  add('custom is not function', { [Symbol.for('nodejs.util.inspect.custom')]: 5 });
  add('custom with stylize', {
    [Symbol.for('nodejs.util.inspect.custom')](d, o) { return o.stylize('styled', 'special'); },
  });

  // --- arrays -----------------------------------------------------------------
  add('empty array', []);
  add('small array', [1, 2, 3]);
  add('array 6', [1, 2, 3, 4, 5, 6]);
  add('array 7', [1, 2, 3, 4, 5, 6, 7]);
  add('array 26 x3', Array.from({ length: 26 }, (_, i) => i * 3));
  add('array 100', Array.from({ length: 100 }, (_, i) => i));
  add('array 101', Array.from({ length: 101 }, (_, i) => i));
  add('array 120', Array.from({ length: 120 }, (_, i) => i));
  add('array 1000', Array.from({ length: 1000 }, (_, i) => i * 7));
  add('negative numbers', Array.from({ length: 30 }, (_, i) => (i % 2 ? -i : i * 1000)));
  add('floats', Array.from({ length: 20 }, (_, i) => i / 3));
  add('bigints', Array.from({ length: 12 }, (_, i) => BigInt(i) ** 5n));
  add('mixed numbers and strings', [1, 'a', 2, 'bb', 3, 'ccc', 4, 'dddd']);
  add('string items', Array.from({ length: 10 }, (_, i) => 'item-' + i));
  add('varying strings', Array.from({ length: 30 }, (_, i) => 'x'.repeat(i % 7)));
  add('long strings array', Array.from({ length: 8 }, (_, i) => 'long string number ' + i + ' '.repeat(i)));
  add('very different lengths', ['a', 'b', 'c', 'd', 'e', 'f', 'g'.repeat(40)]);
  add('words', 'the quick brown fox jumps over the lazy dog and keeps running far away'.split(' '));
  add('cjk items', ['日本', '中文字', '한국어', 'abc', 'défg', '😀😀', 'ok', 'x', 'yy']);
  add('sparse', (() => { const a = [1, , 3]; a[7] = 8; return a; })());
  add('all holes', new Array(5));
  add('two holes', [, ,]);
  add('hole at start', [, 1, 2]);
  add('sparse long', (() => { const a = []; a[200] = 1; a[5] = 2; return a; })());
  add('sparse many', (() => { const a = []; for (let i = 0; i < 300; i += 3) a[i] = i; return a; })());
  add('array extra props', (() => { const a = [1, 2]; a.extra = 'yes'; a[Symbol('s')] = 1; a['-1'] = 'neg'; return a; })());
  add('array only props', (() => { const a = []; a.prop = 1; return a; })());
  add('nested empty', [[]]);
  add('deep arrays', [[[[1]]]]);
  add('array of empties', [{}, [], new Map(), new Set()]);
  add('array of objects', Array.from({ length: 8 }, (_, i) => ({ id: i })));
  add('array of objects 30', Array.from({ length: 30 }, (_, i) => ({ id: i, name: `n${i}` })));
  add('matrix', Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * j)));
  add('mixed types array', ['string', -0, 10n, Symbol('s'), undefined, null, true, () => {}, {}]);
  class MyArray extends Array {}
  add('array subclass', MyArray.from([1, 2, 3]));
  add('empty array subclass', new MyArray());
  add('array with tag', (() => { const a = [1]; Object.defineProperty(a, Symbol.toStringTag, { value: 'T' }); return a; })());
  add('null proto array', (() => { const a = [1, 2]; Object.setPrototypeOf(a, null); return a; })());
  add('array with getter index', (() => { const a = [1]; Object.defineProperty(a, 1, { get() { return 2; }, enumerable: true }); return a; })());
  add('array of long objects', [{ alpha: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }]);
  add('array of nulls', Array.from({ length: 12 }, () => null));
  add('array of undefined', Array.from({ length: 12 }));
  add('array of booleans', Array.from({ length: 16 }, (_, i) => i % 3 === 0));

  // --- collections ------------------------------------------------------------
  const m = new Map([['a', 1], [{ k: 1 }, [1, 2]], [3, new Map([['inner', true]])]]);
  add('map', m);
  add('empty map', new Map());
  add('map of objects', new Map(Array.from({ length: 5 }, (_, i) => [`key${i}`, { id: i, tags: ['a', 'b'] }])));
  add('big map', new Map(Array.from({ length: 120 }, (_, i) => [i, i])));
  add('nested map', { map: new Map([[1, { deep: { deeper: 1 } }]]) });
  class MyMap extends Map {}
  add('map subclass', new MyMap([[1, 2]]));
  add('map extra props', (() => { const x = new Map([[1, 2]]); x.extra = true; return x; })());
  add('map empty with props', (() => { const x = new Map(); x.p = 1; return x; })());
  add('null proto map', (() => { const x = new Map([[1, 2]]); Object.setPrototypeOf(x, null); return x; })());
  add('set', new Set([1, 'two', { three: 3 }, [4]]));
  add('empty set', new Set());
  add('big set', new Set(Array.from({ length: 150 }, (_, i) => i)));
  add('set of strings', new Set(Array.from({ length: 20 }, (_, i) => `s${i}`)));
  class MySet extends Set {}
  add('set subclass', new MySet([1]));
  add('null proto set', (() => { const x = new Set([1, 2]); Object.setPrototypeOf(x, null); return x; })());
  add('map keys iter', m.keys());
  add('map values iter', m.values());
  add('map entries iter', m.entries());
  add('set values iter', new Set([1, 2]).values());
  add('set entries iter', new Set([1, 2]).entries());
  add('consumed map iter', (() => { const it = new Map([[1, 2], [3, 4]]).keys(); it.next(); return it; })());
  add('weakmap', new WeakMap([[{}, 1]]));
  add('weakset', new WeakSet([{}]));
  add('map with circular', (() => { const x = new Map(); x.set('me', x); return x; })());

  // --- functions --------------------------------------------------------------
  function named() {}
  const anon = (() => () => {})();
  class Base {}
  class Derived extends Base {}
  add('named function', named);
  add('anonymous arrow', anon);
  add('class', Base);
  add('derived class', Derived);
  add('async function', async function asyncFn() {});
  add('generator', function* gen() {});
  add('async generator', async function* asyncGen() {});
  add('async arrow', async () => {});
  add('bound', named.bind(null));
  add('anonymous class', class {});
  add('native', Math.max);
  add('Symbol ctor', Symbol);
  add('anonymous function', function() {});
  add('function with props', Object.assign(function withProps() {}, { a: 1, b: { c: 2 } }));
  add('arrow with props', Object.assign(() => {}, { a: 1 }));
  add('class with static', class Static { static x = 1; static y = [1, 2]; });
  add('class extends null', class N extends null {});
  add('class with comment', class /* comment */ Commented {});
  add('function named class', { class: function() {} }.class);
  add('method', { method() {} }.method);
  add('getter fn', Object.getOwnPropertyDescriptor({ get x() { return 1; } }, 'x').get);
  add('fn null proto', (() => { const f = function nullProto() {}; Object.setPrototypeOf(f, null); return f; })());
  add('fn renamed', (() => { const f = function orig() {}; Object.defineProperty(f, 'name', { value: 'renamed' }); return f; })());
  add('fn empty name', (() => { const f = function orig() {}; Object.defineProperty(f, 'name', { value: '' }); return f; })());
  add('fn with tag', (() => { const f = function t() {}; f[Symbol.toStringTag] = 'Tagged'; return f; })());
  add('Function.prototype', Function.prototype);
  add('Object ctor', Object);
  add('Array ctor', Array);
  add('Promise ctor', Promise);
  add('function object shorthand', { named, Base, Derived });

  // --- errors -----------------------------------------------------------------
  add('error', new Error('boom'));
  add('type error', new TypeError('bad type'));
  add('range error', new RangeError('out of range'));
  add('error no message', new Error());
  class MyError extends Error {}
  add('custom error', new MyError('custom'));
  class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
  add('named custom error', new NamedError('named'));
  add('error extra props', Object.assign(new Error('with props'), { code: 'E_CODE', info: { a: 1 } }));
  add('error with cause', new Error('outer', { cause: new Error('inner') }));
  add('error with primitive cause', new Error('outer', { cause: 'a string cause' }));
  add('error with undefined cause', new Error('outer', { cause: undefined }));
  add('nested causes', new Error('l1', { cause: new TypeError('l2', { cause: new RangeError('l3') }) }));
  add('aggregate', new AggregateError([new Error('a'), new TypeError('b')], 'many'));
  add('error no stack', (() => { const e = new Error('nostack'); e.stack = undefined; return e; })());
  add('error deleted stack', (() => { const e = new Error('del'); delete e.stack; return e; })());
  add('error stack string', (() => { const e = new Error('x'); e.stack = 'custom stack text'; return e; })());
  add('error renamed', (() => { const e = new Error('renamed'); e.name = 'Renamed'; return e; })());
  add('error name prop own', (() => { const e = new TypeError('t'); e.name = 'CustomTypeError'; return e; })());
  add('error multiline message', new Error('line1\nline2\nline3'));
  add('error in object', { err: new Error('inside'), list: [new RangeError('in list')] });
  add('error null proto', (() => { const e = new Error('np'); Object.setPrototypeOf(e, null); return e; })());
  add('error message mismatch', (() => { const e = new Error('original'); e.message = 'changed'; return e; })());
  add('error with tag', (() => { const e = new Error('tagged'); Object.defineProperty(e, Symbol.toStringTag, { value: 'Tg' }); return e; })());
  add('error like object', Object.create(Error.prototype));
  add('error stack frames only', (() => { const e = new Error('msg'); e.stack = 'Error: msg\n    at foo (file.js:1:1)\n    at bar (file.js:2:2)'; return e; })());
  add('error cause shared frames', (() => {
    function inner() { return new Error('inner'); }
    function outer() { const c = inner(); return new Error('outer', { cause: c }); }
    return outer();
  })());
  add('error with errors prop', Object.assign(new Error('e'), { errors: [1, 2] }));
  add('error circular cause', (() => { const e = new Error('circ'); e.cause = e; return e; })());
  add('error lowercase name', (() => { const e = new Error('x'); e.name = 'lowercase'; return e; })());
  add('DOMException-like', (() => { class DOMError extends Error { get name() { return 'DOMError'; } } return new DOMError('dom'); })());
  add('node error', (() => { try { Buffer.alloc(-1); } catch (e) { return e; } })());

  // --- dates, regexps, boxed ---------------------------------------------------
  add('date epoch', new Date(0));
  add('date', new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 123)));
  add('invalid date', new Date(NaN));
  add('date with props', Object.assign(new Date(0), { extra: 1 }));
  class MyDate extends Date {}
  add('date subclass', new MyDate(0));
  add('date in object', { when: new Date(86400000) });
  add('regexp', /abc/gimsuy);
  add('regexp slash', new RegExp('a/b', 'g'));
  add('regexp class', /[\]/]+/);
  add('regexp props', Object.assign(/x/, { extra: true }));
  class MyRegExp extends RegExp {}
  add('regexp subclass', new MyRegExp('y'));
  add('boxed number', new Number(3));
  add('boxed -0', new Number(-0));
  add('boxed string', new String('str'));
  add('boxed string props', Object.assign(new String('ab'), { extra: 1 }));
  add('boxed boolean', new Boolean(false));
  add('boxed symbol', Object(Symbol('boxed')));
  add('boxed bigint', Object(5n));
  add('boxed in object', { n: new Number(1), s: new String('s') });

  // --- binary ------------------------------------------------------------------
  add('uint8array', new Uint8Array([1, 2, 3]));
  add('int16array', new Int16Array(2));
  add('float32array', new Float32Array([0.5, -1, 1 / 3]));
  add('float64array', new Float64Array([Math.PI, -0, NaN]));
  add('bigint64array', new BigInt64Array([1n, -1n]));
  add('biguint64array', new BigUint64Array([2n ** 64n - 1n]));
  add('uint8clamped', new Uint8ClampedArray([300, -5]));
  add('empty typed', new Uint32Array(0));
  add('typed 200', new Uint8Array(200));
  add('typed 40 numbers', Int32Array.from({ length: 40 }, (_, i) => i * 1000 - 20000));
  add('typed extra props', Object.assign(new Uint8Array(2), { extra: 'x' }));
  class MyTyped extends Uint16Array {}
  add('typed subclass', new MyTyped(3));
  add('array buffer', new ArrayBuffer(4));
  add('array buffer data', new Uint8Array([255, 0, 16, 1]).buffer);
  add('array buffer 60', new Uint8Array(60).map((_, i) => i).buffer);
  add('empty array buffer', new ArrayBuffer(0));
  add('detached array buffer', (() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; })());
  add('shared array buffer', new SharedArrayBuffer(2));
  add('data view', new DataView(new ArrayBuffer(2)));
  add('data view offset', new DataView(new ArrayBuffer(8), 2, 4));
  add('typed in object', { bytes: new Uint8Array([1, 2]), buf: new ArrayBuffer(1) });

  // --- promises and proxies -------------------------------------------------------
  add('pending promise', new Promise(() => {}));
  add('resolved promise', Promise.resolve({ v: 1 }));
  add('resolved undefined', Promise.resolve());
  const rejected = Promise.reject(new Error('rejected reason'));
  rejected.catch(() => {});
  add('rejected promise', rejected);
  const rejected42 = Promise.reject(42);
  rejected42.catch(() => {});
  add('rejected 42', rejected42);
  add('promise of promise', Promise.resolve(Promise.resolve(1)));
  class MyPromise extends Promise {}
  add('promise subclass', MyPromise.resolve(3));
  add('promise with props', Object.assign(Promise.resolve(1), { extra: 2 }));
  add('promise in object', { p: Promise.resolve([1, 2]) });
  add('thenable', { then() {} });
  add('proxy', new Proxy({ target: true }, {}));
  add('proxy array', new Proxy([1, 2], {}));
  add('proxy fn', new Proxy(function target() {}, {}));
  add('revoked proxy', (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })());
  add('proxy with traps', new Proxy({ a: 1 }, { get: () => 'trapped' }));

  // --- misc --------------------------------------------------------------------
  add('arguments', (function() { return arguments; })(1, 'two'));
  add('empty arguments', (function() { return arguments; })());
  add('Math', Math);
  add('JSON', JSON);
  add('Reflect', Reflect);
  add('globalThis-like', { globalThis: 1, window: undefined });
  try {
    const src = 'export const a = 1; export let b = { c: [1, 2] }; export default function f() {}';
    add('namespace', await import(`data:text/javascript,${encodeURIComponent(src)}`));
  } catch {
    // A runtime without data: imports.
  }
  add('circular self', (() => { const a = { name: 'a' }; a.self = a; return a; })());
  add('circular list', (() => { const b = { list: [] }; b.list.push(b, { parent: b }); return b; })());
  add('circular mutual', (() => { const x = {}; const y = { x }; x.y = y; return [x, y]; })());
  add('circular two refs', (() => {
    const a = { n: 'a' }; const b = { n: 'b', a }; a.b = b; a.self = a; b.self = b; return { a, b };
  })());
  add('circular in map and set', (() => { const o = {}; o.m = new Map([['o', o]]); o.s = new Set([o]); return o; })());
  add('circular array', (() => { const a = [1]; a.push(a); return a; })());
  add('same object twice', (() => { const s = { shared: 1 }; return [s, s, { s }]; })());
  add('generator object', (function* g() { yield 1; })());
  add('iterator helper', [1, 2].values());
  add('object with undefined values', [undefined, null, { u: undefined }]);
  add('Object.prototype', Object.prototype);
  add('Array.prototype', Array.prototype);
  add('Map.prototype', Map.prototype);
  add('Promise.prototype', Promise.prototype);
  add('Error.prototype', Error.prototype);
  add('class prototype', Point.prototype);
  add('WeakRef', new WeakRef({}));
  add('Intl-free object', { intl: typeof Intl });
  add('object many nested arrays', { a: [1, 2, 3], b: [4, 5, 6], c: [[7, 8], [9, 10]], d: 'str' });
  add('long key names', { ['k'.repeat(40)]: 'v'.repeat(40), ['j'.repeat(30)]: 1 });
  add('object with long array', { data: Array.from({ length: 50 }, (_, i) => i), name: 'x' });
  add('array of arrays of strings', [['a', 'b'], ['c', 'd'], ['eeeeeeeeeeeeeeeeeeee', 'ffffffffffffffff']]);
  add('object with symbol description needing escape', { [Symbol('a\nb')]: 1 });
  add('deep chain 8', (() => { let o = { end: true }; for (let i = 0; i < 8; i++) o = { i, next: o }; return o; })());
  add('wide and deep', Array.from({ length: 4 }, (_, i) => ({ i, kids: Array.from({ length: 3 }, (_, j) => ({ j, leaf: [i, j] })) })));

  return v;
}

// Option sets applied to every value.
export const optionSets = [
  undefined,
  { depth: 0 },
  { depth: 1 },
  { depth: null },
  { depth: Infinity },
  { depth: -1 },
  { colors: true },
  { compact: false },
  { compact: true },
  { compact: 1 },
  { compact: 5 },
  { breakLength: 40 },
  { breakLength: Infinity },
  { breakLength: 120, compact: 2 },
  { sorted: true },
  { sorted: (a, b) => (a < b ? 1 : a > b ? -1 : 0) },
  { showHidden: true },
  { showHidden: true, colors: true },
  { maxArrayLength: 0 },
  { maxArrayLength: 3 },
  { maxArrayLength: null },
  { maxStringLength: 5 },
  { maxStringLength: null },
  { getters: true },
  { getters: 'get' },
  { getters: 'set' },
  { numericSeparator: true },
  { customInspect: false },
  { showProxy: true },
  { colors: true, compact: false, depth: 4 },
  { compact: 3, breakLength: 60, colors: true, sorted: true },
];

// util.format argument lists.
export function makeFormatCases() {
  const circ = { name: 'c' };
  circ.self = circ;
  class WithToString { toString() { return 'custom toString'; } }
  class Plain { constructor() { this.p = 1; } }
  const nullProto = Object.create(null);
  nullProto.x = 1;
  const formatCases = [
    ['%s|%s|%s|%s', 'str', 42, { a: 1 }, [1, [2, [3, [4]]]]],
    ['%s %s %s', -0, 10n, Symbol('s')],
    ['%s', new WithToString()], ['%s', new Plain()], ['%s', nullProto], ['%s', new Date(0)],
    ['%s', new Error('err in %s')], ['%s', [1, 2, 3]], ['%s', { toString() { return 'own'; } }],
    ['%s', null], ['%s', undefined], ['%s', () => {}], ['%s', new Map([[1, 2]])], ['%s', /re/],
    ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }], ['%s', Object.assign(Object.create({ toString() { return 'inh'; } }), { a: 1 })],
    ['%d|%d|%d|%d|%d', 42.9, '42', '0x10', 10n, {}], ['%d', Symbol('x')], ['%d', -0], ['%d', ''],
    ['%i|%i|%i', 42.9, '-7.5', 10n], ['%i', Symbol('x')], ['%i', '0x1F'], ['%i', 1e21],
    ['%f|%f|%f', '1.5', 3, 'abc'], ['%f', Symbol('x')], ['%f', -0],
    ['%j|%j|%j', { a: [1, 'b'] }, 'str', circ], ['%j', undefined], ['%j', 10], ['%j', { toJSON() { return 'tj'; } }],
    ['%o', { a: [1, 2], f() {} }], ['%o', [1, 2, 3]], ['%o', 'str'], ['%o', function named() {}],
    ['%O', { a: { b: { c: { d: {} } } } }], ['%O', 'str'],
    ['%c styled %c text', 'color: red', 'font-weight: bold'],
    ['100%% sure, %s', 'yes', 'extra', 1, { x: 1 }],
    ['%s missing args %d %i'], ['%x unknown %s', 'stays'], [5, '%s', 'first argument is not a string'],
    ['%s=%d', 'x', 5, 'rest'], ['no specifiers', { a: 1 }, [2]], [1, 2, '3'], ['%o', [1]],
    [], ['%%s %s', 'a'], ['%'], ['%', 1], ['%%'], ['%%', 1], ['a%sb'], ['%s'], ['%s', 'a', 'b'],
    ['%s%s', 'a'], ['%d%', 1], ['%ss', 'x'], ['trailing %'], ['%s', 'x', undefined, null],
    [{ a: 1 }, 'str', 1], [Symbol('first')], [null, undefined], ['%s', 123456789n], ['%d', 1234567],
    ['%s', new Number(5)], ['%s', new String('boxed')], ['%s', Object(Symbol('bs'))],
    ['%s', { a: { b: { c: 1 } } }], ['%s', [{ a: [1, 2, 3] }]], ['%s', new (class Foo {})()],
    ['%s', Promise.resolve(1)], ['%s', new Proxy({ a: 1 }, {})], ['%s', new Set([1])],
    ['%j', 1n].slice(0, 1), ['%s %s', 'only one'], ['%i %f %d', '12px', '1.5em', '3'],
  ];
  return formatCases;
}

// The fake clock of the console timing scripts (installed by the runner).
export function setFakeNow(t) {
  if (setFakeNow.hook) setFakeNow.hook(t);
}
setFakeNow.get = () => 0;

// Scripts run against a Console writing to fake streams.
export const consoleScripts = {
  basics(c) {
    c.log('log to stdout', 1, { a: 1 });
    c.error('to stderr', new Error('e').message);
    c.warn('warn %s', 'x');
    c.info('info');
    c.debug('debug', [1, 2]);
    c.dirxml('dirxml', { b: 2 });
    c.log();
    c.log('');
    c.log('%s:%d', 'fmt', 42, 'extra');
  },
  groups(c) {
    c.log('level 0');
    c.group('Group A');
    c.log('level 1');
    c.group();
    c.log('level 2\nsecond line also indented');
    c.error('error in group\nmultiline');
    c.groupEnd();
    c.info({ multi: 'line', obj: { a: 1 } });
    c.log({ long: 'x'.repeat(50), other: 'y'.repeat(50) });
    c.groupEnd();
    c.groupEnd();
    c.log('back to level 0');
    c.groupCollapsed('collapsed');
    c.log('inside collapsed');
    c.groupEnd();
  },
  counts(c) {
    c.count();
    c.count();
    c.count('x');
    c.count(5);
    c.countReset();
    c.count();
    c.countReset('nope');
    c.count(undefined);
  },
  asserts(c) {
    c.assert(true, 'never printed');
    c.assert(false, 'values differ', 1, 2);
    c.assert(false);
    c.assert(0, '%s formatted %d', 'is', 5);
    c.assert(null, { obj: 1 });
  },
  dir(c) {
    const obj = { b: { c: { d: { e: { f: 1 } } } }, a: [3, 2, 1], s: 'x'.repeat(30) };
    c.dir(obj, { depth: 0 });
    c.dir(obj, { depth: null });
    c.dir(obj);
    c.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom'; }, x: 1 });
    c.dir('string');
    c.dir(obj, { colors: true });
  },
  times(c) {
    c.time();
    setFakeNow(1.23456);
    c.timeLog();
    c.timeLog('default', 'extra', { a: 1 });
    setFakeNow(12.5);
    c.timeEnd();
    c.timeEnd();
    c.time('a');
    c.time('a');
    setFakeNow(1512.25);
    c.timeLog('a');
    setFakeNow(61512.25);
    c.timeLog('a');
    setFakeNow(3723456.789);
    c.timeEnd('a');
    c.timeLog('missing');
    c.time('zero');
    c.timeEnd('zero');
    c.time(42);
    setFakeNow(setFakeNow.get() + 0.0004);
    c.timeEnd(42);
  },
  trace(c) {
    c.trace('trace message %s', 'x', { a: 1 });
    c.trace();
  },
  tables(c) {
    c.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
    c.table([[1, 2], [3, 4, 5]]);
    c.table({ r1: { col: 1 }, r2: { col: 2 } });
    c.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
    c.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['z', 'a']);
    c.table('not tabular');
    c.table(5);
    c.table(null);
    c.table([]);
    c.table({});
    c.table(new Map([['k', { v: 1 }], [{ o: 1 }, 'str']]));
    c.table(new Set([1, 'two', { three: 3 }]));
    c.table([1, 'two', null, undefined, { a: 1 }]);
    c.table([{ name: '日本語', v: '😀' }, { name: 'abc', v: 'é' }]);
    c.table([{ nested: { a: 1, b: 2, c: 3 }, arr: [1, 2, 3, 4, 5], fn() {} }]);
    c.table([{ a: 'x'.repeat(30) }, { a: 'y' }]);
    c.table(new Map([[1, 2]]).entries());
    c.table(new Map([[1, 2]]).keys());
    c.table(new Set([1, 2]).values());
    c.table([[]]);
    c.table({ a: [1, 2], b: 'str' });
    c.table(new Uint8Array([1, 2]));
    c.table([new Uint8Array([1, 2])]);
    c.table([{ a: 1 }], []);
    c.table(Object.create(null));
  },
  tableBadProps(c) {
    c.table([], 'notarray');
  },
  symbols(c) {
    c.log(Symbol('s'));
    c.count(Symbol.for ? 'sym' : '');
    c.log('%c', 'css');
  },
};

// Random nested values (deterministic for a seed): arrays of varied lengths and element widths,
// objects with varied keys, strings with quotes and newlines, Maps, Sets, typed arrays, so the
// line-breaking and column-grouping rules meet many shapes.
export function makeRandomValues(seed, count) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const words = ['a', 'bb', 'foo', 'bar', 'hello', 'world', "it's", 'say "x"', 'long-ish word', 'é', '日本',
    'line\nbreak', 'tab\t', '', 'x'.repeat(20), 'y'.repeat(45), 'back\\slash'];
  const keys = ['a', 'b', 'id', 'name', 'value', 'some-key', 'with space', 'x1', '0', '12', 'longerPropertyName',
    'k'.repeat(25), '__proto__x', 'ünï'];
  function prim() {
    switch (int(9)) {
      case 0: return int(100);
      case 1: return (rnd() - 0.5) * 10 ** int(12);
      case 2: return pick(words);
      case 3: return pick([true, false, null, undefined]);
      case 4: return BigInt(int(1e6));
      case 5: return -int(1000);
      case 6: return pick([NaN, -0, Infinity]);
      case 7: return int(10) * 1111;
      default: return pick(words) + int(100);
    }
  }
  function value(depth) {
    if (depth > 4 || rnd() < 0.35) return prim();
    switch (int(8)) {
      case 0:
      case 1: {
        const n = pick([0, 1, 3, 6, 7, 8, 12, 20, 27, 40, 101]);
        const kind = int(4);
        return Array.from({ length: n }, () => (kind === 0 ? int(1000) : kind === 1 ? pick(words) :
          kind === 2 ? prim() : value(depth + 1)));
      }
      case 2:
      case 3: {
        const o = {};
        const n = int(8);
        for (let i = 0; i < n; i++) o[pick(keys) + (rnd() < 0.3 ? i : '')] = value(depth + 1);
        return o;
      }
      case 4: {
        const m = new Map();
        const n = int(5);
        for (let i = 0; i < n; i++) m.set(rnd() < 0.5 ? pick(keys) : value(depth + 1), value(depth + 1));
        return m;
      }
      case 5:
        return new Set(Array.from({ length: int(9) }, () => value(depth + 1)));
      case 6:
        return pick([Uint8Array, Int32Array, Float64Array]).from({ length: int(30) }, () => int(300) - 100);
      default: {
        const n = int(4);
        const arr = Array.from({ length: n }, () => ({ id: int(100), label: pick(words), data: [int(9), int(9)] }));
        return { items: arr, count: n, nested: { deeper: value(depth + 2) } };
      }
    }
  }
  return Array.from({ length: count }, (_, i) => [`random ${seed}/${i}`, value(0)]);
}
