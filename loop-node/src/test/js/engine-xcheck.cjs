'use strict';
// Engine cross-check for buffer, events, string_decoder, TextEncoder/
// TextDecoder, EventTarget/AbortController and structuredClone: the *-diff.mjs
// scripts compare loopd's builtins with node's while both run on V8; this one
// runs the same deterministic cases on GraalJS through loop-node, so engine
// differences show up. Its output under node is the oracle:
//   node engine-xcheck.cjs > node.out
//   bin/loop-node run engine-xcheck.cjs > loopd.out
//   diff node.out loopd.out        # must be empty
// (TextEncoder/TextDecoder must be the ones of lib/internal/encoding.js, not
// GraalJS's built-in ones, for the encoding lines to match.)
const { Buffer, atob, btoa } = require('buffer');
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');

let seed = 12345;
function rand() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (n) => Math.floor(rand() * n);

function hex(u8) {
  let s = '';
  for (let i = 0; i < u8.length; i++) s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
  return s;
}
function esc(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x20 && c < 0x7f ? s[i] : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}
function d(v, seen = new Map(), depth = 0) {
  if (v === undefined) return 'undef';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'string': return `"${esc(v)}"`;
    case 'boolean': return String(v);
    case 'symbol': return `sym(${esc(String(v.description))})`;
    case 'function': return `fn(${v.name})`;
  }
  if (seen.has(v)) return `<ref${seen.get(v)}>`;
  seen.set(v, seen.size);
  if (depth > 6) return '<deep>';
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}<${hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))}>`;
  if (v instanceof ArrayBuffer) {
    let det = false;
    try { new Uint8Array(v); } catch { det = true; }
    return det ? 'AB<detached>' : `AB<${hex(new Uint8Array(v))}>`;
  }
  if (v instanceof Error || (v && typeof v.message === 'string' && 'code' in v)) {
    return `Err(${v.constructor.name},${v.name},${v.code},${esc(String(v.message))})`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => d(x, seen, depth + 1)).join(',')}]${v.length}`;
  if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${d(k, seen, depth + 1)}=>${d(x, seen, depth + 1)}`).join(',')}}`;
  if (v instanceof Set) return `Set{${[...v].map((x) => d(x, seen, depth + 1)).join(',')}}`;
  if (v instanceof Date) return `Date(${v.getTime()})`;
  if (v instanceof RegExp) return `RE(${esc(v.source)},${v.flags})`;
  const proto = Object.getPrototypeOf(v);
  const name = proto === null ? 'null' : (proto.constructor && proto.constructor.name);
  return `${name}{${Object.keys(v).map((k) => `${esc(k)}:${d(v[k], seen, depth + 1)}`).join(',')}}`;
}
let n = 0;
function out(label, f) {
  let r;
  try {
    r = d(f());
  } catch (e) {
    r = `THROW ${d(e)}`;
  }
  n++;
  console.log(`${label} ${r}`);
}

function randomBytes(len, utf8ish) {
  const a = [];
  for (let i = 0; i < len; i++) {
    if (!utf8ish) { a.push(ri(256)); continue; }
    const k = ri(12);
    if (k < 3) a.push(ri(0x80));
    else if (k < 6) a.push(0x80 + ri(0x40));
    else if (k < 8) a.push(0xC0 + ri(0x20));
    else if (k < 10) a.push(0xE0 + ri(0x10));
    else a.push(0xF0 + ri(0x10));
  }
  return a;
}
function randomString(len, alphabet) {
  let s = '';
  for (let i = 0; i < len; i++) {
    if (alphabet) { s += alphabet[ri(alphabet.length)]; continue; }
    const k = ri(9);
    if (k < 3) s += String.fromCharCode(0x20 + ri(0x5f));
    else if (k < 5) s += String.fromCharCode(0x80 + ri(0x780));
    else if (k < 6) s += String.fromCharCode(0x800 + ri(0xD000));
    else if (k < 7) s += String.fromCharCode(0xD800 + ri(0x800));
    else s += String.fromCodePoint(0x10000 + ri(0x100000));
  }
  return s;
}

// Buffer codecs
for (let t = 0; t < 400; t++) {
  const bytes = randomBytes(ri(30), t % 3 !== 0);
  out(`utf8dec#${t}`, () => Buffer.from(bytes).toString());
  out(`enc#${t}`, () => { const b = Buffer.from(bytes); return [b.toString('hex'), b.toString('base64'), b.toString('base64url'), b.toString('latin1'), b.toString('ascii'), b.toString('ucs2')]; });
}
for (let t = 0; t < 400; t++) {
  const s = randomString(ri(20));
  out(`strenc#${t}`, () => [Buffer.from(s), Buffer.from(s, 'ucs2'), Buffer.from(s, 'latin1'), Buffer.byteLength(s), new TextEncoder().encode(s)]);
  const size = ri(12);
  out(`partial#${t}`, () => { const b = Buffer.alloc(size); return [b.write(s, ri(size + 1)), b, new TextEncoder().encodeInto(s, new Uint8Array(size))]; });
}
for (let t = 0; t < 400; t++) {
  const s = randomString(ri(20), 'ABCab09+/-_= \n$\u0141\u013d');
  out(`b64#${t}`, () => [Buffer.from(s, 'base64'), Buffer.from(s, 'base64url'), Buffer.from(s, 'hex')]);
  out(`atob#${t}`, () => atob(s));
}
out('btoa', () => [btoa('hello'), btoa('\u00ff\u0000')]);
out('btoa bad', () => btoa('\u0100'));
// numbers
for (let t = 0; t < 100; t++) {
  const bytes = randomBytes(16, false);
  out(`num#${t}`, () => {
    const b = Buffer.from(bytes);
    const o = t % 9;
    return [b.readUInt8(o), b.readInt16LE(o), b.readUInt32BE(o), b.readInt32LE(o), b.readFloatLE(o), b.readDoubleBE(o), b.readBigInt64LE(o), b.readBigUInt64BE(o),
      b.readUIntLE(o, 6), b.readIntBE(o, 5), b.readIntLE(o, 3)];
  });
  out(`wnum#${t}`, () => {
    const b = Buffer.alloc(16);
    const v = Math.floor((rand() - 0.5) * 2 ** 40);
    const r = [];
    for (const f of [() => b.writeIntLE(v, 1, 6), () => b.writeUIntBE(Math.abs(v), 2, 5), () => b.writeInt32BE(v, 3), () => b.writeDoubleLE(v / 3, 4),
      () => b.writeFloatBE(v / 7, 0), () => b.writeBigInt64LE(BigInt(v) * 1000n, 8), () => b.writeUInt16LE(v, 14)]) {
      try { r.push(f()); } catch (e) { r.push(e.code); }
    }
    return [r, b];
  });
}
out('num errors', () => { const r = []; const b = Buffer.alloc(4); for (const f of [() => b.readUInt32LE(1), () => b.readUInt8(1.5), () => b.writeUInt8(256), () => b.readIntLE(0, 7), () => b.writeInt16BE(1, -1)]) { try { f(); } catch (e) { r.push([e.code, e.message]); } } return r; });
// search, fill, compare
for (let t = 0; t < 100; t++) {
  const hay = Buffer.from(randomBytes(ri(30), false).map((x) => 97 + (x % 3)));
  const needle = Buffer.from(randomBytes(ri(3) + 1, false).map((x) => 97 + (x % 3)));
  const off = ri(40) - 20;
  out(`idx#${t}`, () => [hay.indexOf(needle, off), hay.lastIndexOf(needle, off), hay.indexOf(needle.toString(), off, 'ucs2'), hay.includes(needle[0], off),
    Buffer.compare(hay, needle), hay.equals(needle)]);
  out(`fill#${t}`, () => [Buffer.alloc(7).fill(needle.toString(), ri(3)), Buffer.alloc(5, 'é'), Buffer.alloc(6).fill('6162', 'hex')]);
}
out('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([1, 2])], 6));
out('inspect', () => Buffer.from('hello')[Symbol.for('nodejs.util.inspect.custom')](2));
out('json', () => JSON.stringify(Buffer.from([1, 2])));
out('instanceof', () => [Buffer.from('x') instanceof Buffer, Buffer.isBuffer(new Uint8Array(1)), Buffer.from('x').map((x) => x) instanceof Buffer]);

// TextDecoder streaming
for (let t = 0; t < 300; t++) {
  const label = ['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'koi8-r'][t % 5];
  const bytes = randomBytes(ri(20), t % 2 === 0);
  const opts = [{}, { fatal: true }, { ignoreBOM: true }][ri(3)];
  out(`td#${t}`, () => {
    const dec = new TextDecoder(label, opts);
    const r = [];
    let i = 0;
    while (i < bytes.length) {
      const k = ri(4);
      try { r.push(dec.decode(new Uint8Array(bytes.slice(i, i + k)), { stream: true })); } catch (e) { r.push(e.code); }
      i += k;
    }
    try { r.push(dec.decode()); } catch (e) { r.push(e.code); }
    try { r.push(new TextDecoder(label, opts).decode(new Uint8Array(bytes))); } catch (e) { r.push(e.code); }
    return r;
  });
}
// StringDecoder
for (let t = 0; t < 300; t++) {
  const enc = ['utf8', 'utf16le', 'base64', 'hex', 'latin1'][t % 5];
  const bytes = randomBytes(ri(20), t % 2 === 0);
  out(`sd#${t}`, () => {
    const sd = new StringDecoder(enc);
    const r = [];
    let i = 0;
    while (i < bytes.length) {
      const k = ri(4);
      r.push(sd.write(Buffer.from(bytes.slice(i, i + k))), sd.lastNeed, sd.lastTotal);
      i += k;
    }
    r.push(sd.end());
    return r;
  });
}

// events
for (let t = 0; t < 150; t++) {
  const ops = [];
  for (let i = 0; i < 20; i++) ops.push([ri(9), ri(3), ri(4)]);
  out(`ee#${t}`, () => {
    const e = new EventEmitter();
    const log = [];
    const fns = [0, 1, 2, 3].map((k) => function(...a) { log.push(['f', k, ...a]); });
    if (t % 3 === 0) e.on('newListener', (nm) => log.push(['new', nm]));
    if (t % 4 === 0) e.on('removeListener', (nm) => log.push(['rm', nm]));
    for (const [op, ni, fi] of ops) {
      const nm = ['a', 'b', 'c'][ni];
      const f = fns[fi];
      switch (op) {
        case 0: e.on(nm, f); break;
        case 1: e.once(nm, f); break;
        case 2: e.prependListener(nm, f); break;
        case 3: e.prependOnceListener(nm, f); break;
        case 4: e.removeListener(nm, f); break;
        case 5: log.push(['emit', nm, e.emit(nm, fi)]); break;
        case 6: e.removeAllListeners(nm); break;
        case 7: log.push(['count', nm, e.listenerCount(nm), e.listenerCount(nm, f)]); break;
        default: log.push(['names', e.eventNames(), e.rawListeners(nm).length]);
      }
    }
    return log;
  });
}
out('ee error', () => { try { new EventEmitter().emit('error', 'x'); } catch (e) { return [e.code, e.message, e.context]; } });
out('ee error obj', () => { try { new EventEmitter().emit('error', new TypeError('t')); } catch (e) { return e; } });
out('ee keys', () => Object.keys(EventEmitter));
out('ee max', () => { const warnings = []; const orig = process.emitWarning; process.emitWarning = (w) => warnings.push([w.name, w.count, String(w.type)]); const e = new EventEmitter(); for (let i = 0; i < 12; i++) e.on('x', () => {}); process.emitWarning = orig; return warnings; });

// EventTarget / Abort
for (let t = 0; t < 100; t++) {
  const ops = [];
  for (let i = 0; i < 15; i++) ops.push([ri(4), ri(2), ri(3), ri(2)]);
  out(`et#${t}`, () => {
    const target = new EventTarget();
    const log = [];
    const fns = [0, 1, 2].map((k) => (ev) => { log.push([k, ev.type, ev.eventPhase, ev.currentTarget === target]); if (k === 2) ev.stopImmediatePropagation(); });
    for (const [op, ni, fi, flag] of ops) {
      const nm = ['a', 'b'][ni];
      if (op === 0) target.addEventListener(nm, fns[fi], { once: !!flag });
      else if (op === 1) target.addEventListener(nm, fns[fi], !!flag);
      else if (op === 2) target.removeEventListener(nm, fns[fi], !!flag);
      else log.push(target.dispatchEvent(new Event(nm, { cancelable: !!flag })));
    }
    return log;
  });
}
out('abort', () => {
  const ac = new AbortController();
  const log = [];
  ac.signal.addEventListener('abort', (ev) => log.push([ev.type, ev.isTrusted]));
  ac.signal.onabort = () => log.push('onabort');
  ac.abort();
  const r = ac.signal.reason;
  return [log, ac.signal.aborted, r.name, r.message, r.code, r instanceof DOMException, r instanceof Error, String(r), r.stack.split('\n')[0],
    AbortSignal.abort('x').reason, AbortSignal.any([ac.signal]).aborted];
});
out('abort illegal', () => new AbortSignal());
out('event', () => { const e = new CustomEvent('c', { detail: 1, cancelable: true }); e.preventDefault(); return [e.type, e.detail, e.defaultPrevented, e.returnValue, Object.keys(Event.prototype)]; });

// structuredClone
function buildGraph(s) {
  let local = s;
  const r = () => { local = (local * 1103515245 + 12345) >>> 0; return local / 4294967296; };
  const k = (m) => Math.floor(r() * m);
  const pool = [];
  const build = (depth) => {
    switch (k(depth > 3 ? 6 : 13)) {
      case 0: return k(1000) - 500;
      case 1: return ['', 'a', 'h\u00e9llo', '\uD800x'][k(4)];
      case 2: return [null, undefined, true, false, NaN, -0][k(6)];
      case 3: return BigInt(k(100)) * 10n ** 20n;
      case 4: return pool.length ? pool[k(pool.length)] : 1;
      case 5: return new Date(k(1e12));
      case 6: { const o = {}; pool.push(o); for (let i = k(4); i > 0; i--) o[['a', 'b', '1', 'z'][k(4)]] = build(depth + 1); return o; }
      case 7: { const a = []; pool.push(a); for (let i = k(4); i > 0; i--) a[k(6)] = build(depth + 1); return a; }
      case 8: { const m = new Map(); pool.push(m); for (let i = k(3); i > 0; i--) m.set(build(depth + 1), build(depth + 1)); return m; }
      case 9: { const st = new Set(); pool.push(st); for (let i = k(3); i > 0; i--) st.add(build(depth + 1)); return st; }
      case 10: { const u = new Uint8Array(k(5)).map(() => k(256)); pool.push(u); return u; }
      case 11: return new ([Error, TypeError, RangeError][k(3)])(`e${k(10)}`);
      default: return k(20) === 0 ? () => {} : /re+/g;
    }
  };
  return build(0);
}
for (let t = 0; t < 200; t++) out(`clone#${t}`, () => structuredClone(buildGraph(t * 7919)));
out('clone fn', () => structuredClone({ a: function named(x) { return x; } }));
out('clone sym', () => structuredClone(Symbol('s')));
out('clone weakmap', () => structuredClone(new WeakMap()));
out('clone promise', () => structuredClone(Promise.resolve()));
out('clone err', () => { const e = new RangeError('m', { cause: 'c' }); const c = structuredClone(e); return [c, c.cause, Object.getOwnPropertyNames(c), c.stack === e.stack]; });
out('clone class', () => { class A { #p = 1; x = 2; } return structuredClone(new A()); });
out('clone transfer', () => { const ab = new ArrayBuffer(4); const c = structuredClone({ ab, u: new Uint8Array(ab, 1) }, { transfer: [ab] }); return [c, ab.byteLength, c.u.buffer === c.ab]; });
out('clone opts', () => structuredClone(1, 5));
console.log(`${n} lines`);
