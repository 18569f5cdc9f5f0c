// Differential test: loopd's lib/events.js, lib/internal/event_target.js and
// lib/internal/abort_controller.js vs node's node:events, EventTarget, Event,
// CustomEvent, AbortController and AbortSignal.
// Run: node loop-node/src/test/js/events-diff.mjs
import * as nodeEventsModule from 'node:events';
import { load, Suite, rng } from './diff-util.mjs';

const mineEvents = load('events');
const mineET = load('internal/event_target');
const mineAC = load('internal/abort_controller');
const { DOMException: MineDOMException } = load('internal/dom_exception');
const nodeEvents = nodeEventsModule.default;

const M = {
  events: mineEvents, EE: mineEvents, EventTarget: mineET.EventTarget, Event: mineET.Event, CustomEvent: mineET.CustomEvent,
  AbortController: mineAC.AbortController, AbortSignal: mineAC.AbortSignal, DOMException: MineDOMException,
};
const N = {
  events: nodeEvents, EE: nodeEvents, EventTarget: globalThis.EventTarget, Event: globalThis.Event, CustomEvent: globalThis.CustomEvent,
  AbortController: globalThis.AbortController, AbortSignal: globalThis.AbortSignal, DOMException: globalThis.DOMException,
};

const S = new Suite('events');
const rand = rng(0xE7E7);
const ri = (n) => Math.floor(rand() * n);

// Runs f with process.emitWarning captured; returns [result, warnings].
function withWarnings(f) {
  const warnings = [];
  const orig = process.emitWarning;
  process.emitWarning = (w, ...rest) => {
    warnings.push(typeof w === 'string' ? [w, ...rest] : { name: w.name, message: w.message, type: String(w.type), count: w.count, hasEmitter: !!(w.emitter || w.target) });
  };
  try {
    const r = f();
    return [r, warnings];
  } finally {
    process.emitWarning = orig;
  }
}

function both(label, f) {
  return S.check(label, () => withWarnings(() => f(M)), () => withWarnings(() => f(N)));
}

// Async scenario: also collects uncaught exceptions thrown on later ticks.
async function bothAsync(label, f) {
  if (process.env.DIFF_TRACE) console.log("..", label);
  const run = async (X) => {
    const uncaught = [];
    const onUncaught = (e) => uncaught.push(e instanceof Error ? `${e.name}: ${e.message}` : e);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    const warnings = [];
    const orig = process.emitWarning;
    process.emitWarning = (w) => warnings.push(typeof w === 'string' ? w : `${w.name}: ${w.message}`);
    try {
      let result;
      try {
        result = { ok: await f(X) };
      } catch (e) {
        result = { threw: e instanceof Error ? [e.constructor.name, e.name, e.code, e.message] : e };
      }
      await new Promise((r) => setTimeout(r, 5));
      return [result, uncaught, warnings];
    } finally {
      process.emitWarning = orig;
      process.removeListener('uncaughtException', onUncaught);
      for (const l of listeners) process.on('uncaughtException', l);
    }
  };
  const a = await run(M);
  const b = await run(N);
  return S.same(label, a, b);
}

// ---------------------------------------------------------------------------
// Module shape

both('module keys', (X) => Object.keys(X.events));
both('statics', (X) => [typeof X.EE, X.EE.EventEmitter === X.EE, X.EE.defaultMaxListeners, X.EE.captureRejections,
  X.EE.usingDomains, X.EE.captureRejectionSymbol === Symbol.for('nodejs.rejection'), typeof X.EE.errorMonitor,
  String(X.EE.errorMonitor), X.EE.prototype._events, X.EE.prototype._eventsCount, X.EE.prototype._maxListeners, X.EE.length, X.EE.name]);
both('prototype keys', (X) => Object.keys(X.EE.prototype));
both('prototype method names', (X) => Object.keys(X.EE.prototype).map((k) => [k, X.EE.prototype[k].name]));
both('aliases', (X) => [X.EE.prototype.on === X.EE.prototype.addListener, X.EE.prototype.off === X.EE.prototype.removeListener]);
both('instance own keys', (X) => Reflect.ownKeys(new X.EE()).map(String));
both('instance shape', (X) => { const e = new X.EE(); return [e._eventsCount, Object.getPrototypeOf(e._events), e._maxListeners, e.getMaxListeners()]; });
both('EventEmitterAsyncResource type', (X) => typeof X.EE.EventEmitterAsyncResource);

// ---------------------------------------------------------------------------
// Basic listener management

both('on/emit order and args', (X) => {
  const e = new X.EE();
  const log = [];
  e.on('a', (...args) => log.push(['1', ...args]));
  e.on('a', function(...args) { log.push(['2', this === e, ...args]); });
  e.prependListener('a', () => log.push('0'));
  return [e.emit('a', 1, 2, 3), e.emit('b'), log, e.listenerCount('a'), e.eventNames()];
});
both('once', (X) => {
  const e = new X.EE();
  const log = [];
  const f = (x) => log.push(x);
  e.once('a', f);
  e.prependOnceListener('a', (x) => log.push(`p${x}`));
  const raw = e.rawListeners('a').map((l) => [typeof l.listener, l.listener === f, l.name]);
  const lst = e.listeners('a').map((l) => l === f);
  return [raw, lst, e.emit('a', 1), e.emit('a', 2), log, e.listenerCount('a')];
});
both('once wrapper called directly', (X) => {
  const e = new X.EE();
  const log = [];
  e.once('a', function(...a) { log.push([this === e, ...a]); return 'ret'; });
  const w = e.rawListeners('a')[0];
  return [w(1, 2), w(3), e.listenerCount('a'), log];
});
both('once no args', (X) => { const e = new X.EE(); let n; e.once('a', function() { n = arguments.length; }); e.emit('a'); return n; });
both('remove listener', (X) => {
  const e = new X.EE();
  const f = () => {};
  const g = () => {};
  e.on('a', f); e.on('a', g); e.on('a', f);
  const r = [e.listenerCount('a')];
  e.removeListener('a', f);
  r.push(e.listeners('a').map((l) => (l === f ? 'f' : 'g')));
  e.off('a', f);
  r.push(e.listeners('a').map((l) => (l === f ? 'f' : 'g')), Array.isArray(e._events.a));
  e.off('a', g);
  r.push(e.eventNames(), e._eventsCount, e.removeListener('zz', f) === e);
  return r;
});
both('remove once by original', (X) => { const e = new X.EE(); const f = () => {}; e.once('a', f); e.removeListener('a', f); return [e.listenerCount('a'), e.emit('a')]; });
both('removeAllListeners', (X) => {
  const e = new X.EE();
  const log = [];
  e.on('removeListener', (t, l) => log.push(['rm', String(t), typeof l]));
  const s = Symbol('s');
  e.on('a', () => {}); e.on('a', () => {}); e.on('b', () => {}); e.on(s, () => {});
  e.removeAllListeners('a');
  log.push(e.eventNames().map(String));
  e.removeAllListeners();
  log.push(e.eventNames().map(String), e._eventsCount);
  return log;
});
both('removeAllListeners no rl', (X) => {
  const e = new X.EE();
  e.on('a', () => {}); e.on('b', () => {});
  e.removeAllListeners('a');
  const r = [e.eventNames(), e._eventsCount];
  e.removeAllListeners('zz');
  e.removeAllListeners();
  r.push(e.eventNames(), e._eventsCount, e.removeAllListeners() === e);
  return r;
});
both('newListener event', (X) => {
  const e = new X.EE();
  const log = [];
  const f = () => {};
  e.on('newListener', (t, l) => { log.push([String(t), l === f, e.listenerCount(t)]); });
  e.on('a', f);
  e.once('b', f);
  e.prependListener('c', f);
  e.prependOnceListener('d', f);
  return log;
});
both('newListener adds same event', (X) => {
  const e = new X.EE();
  const log = [];
  e.once('newListener', (t) => { if (t === 'x') e.on('x', () => log.push('B')); });
  e.on('x', () => log.push('A'));
  e.emit('x');
  return log;
});
both('removeListener event', (X) => {
  const e = new X.EE();
  const log = [];
  const f = () => {};
  const g = () => {};
  e.on('removeListener', (t, l) => log.push([t, l === f ? 'f' : l === g ? 'g' : '?']));
  e.on('a', f); e.once('a', g); e.on('b', f);
  e.emit('a');
  e.removeListener('a', f);
  e.removeListener('b', f);
  return log;
});
both('remove during emit', (X) => {
  const e = new X.EE();
  const log = [];
  const b = () => log.push('b');
  e.on('a', () => { log.push('a'); e.removeListener('a', b); });
  e.on('a', b);
  e.emit('a');
  e.emit('a');
  return log;
});
both('add during emit', (X) => {
  const e = new X.EE();
  const log = [];
  e.on('a', () => { log.push('a'); e.on('a', () => log.push('new')); });
  e.emit('a');
  e.emit('a');
  return log;
});
both('listenerCount with listener', (X) => {
  const e = new X.EE();
  const f = () => {};
  const g = () => {};
  e.on('a', f); e.once('a', f); e.on('a', g); e.on('b', g);
  return [e.listenerCount('a'), e.listenerCount('a', f), e.listenerCount('a', g), e.listenerCount('b', f), e.listenerCount('b', g), e.listenerCount('c'),
    X.EE.listenerCount(e, 'a'), X.EE.listenerCount({ listenerCount: () => 42 }, 'a')];
});
both('static listenerCount on plain', (X) => X.EE.listenerCount({ _events: { a: [1, 2] } }, 'a'));
both('eventNames symbols', (X) => { const e = new X.EE(); const s = Symbol('x'); e.on(s, () => {}); e.on('y', () => {}); e.on(1, () => {}); return e.eventNames().map(String); });
both('bad listener', (X) => new X.EE().on('a', 5));
both('bad listener once', (X) => new X.EE().once('a', null));
both('bad listener prepend', (X) => new X.EE().prependOnceListener('a', {}));
both('bad listener remove', (X) => new X.EE().removeListener('a', 'x'));
both('emit this', (X) => { const e = new X.EE(); let t; e.on('a', function() { t = this; }); e.emit('a'); return t === e; });
both('listener returning value', (X) => { const e = new X.EE(); e.on('a', () => 5); e.on('a', () => null); return e.emit('a'); });
both('__proto__ event name', (X) => { const e = new X.EE(); const log = []; e.on('__proto__', (x) => log.push(x)); e.emit('__proto__', 1); return [log, e.eventNames(), e.listenerCount('__proto__')]; });
both('constructor event name', (X) => { const e = new X.EE(); return [e.emit('constructor'), e.emit('toString'), e.listenerCount('hasOwnProperty')]; });

// ---------------------------------------------------------------------------
// 'error'

both('error no listener Error', (X) => new X.EE().emit('error', new TypeError('boom')));
both('error no listener string', (X) => new X.EE().emit('error', 'oops'));
both('error no listener none', (X) => new X.EE().emit('error'));
both('error no listener object', (X) => new X.EE().emit('error', { a: 1 }));
both('error no listener number', (X) => new X.EE().emit('error', 42));
both('error no listener null', (X) => new X.EE().emit('error', null));
both('error context', (X) => { try { new X.EE().emit('error', { x: 1 }); } catch (e) { return [e.context, e.code, e.message]; } });
both('error with listener', (X) => { const e = new X.EE(); const log = []; e.on('error', (er) => log.push(er.message)); return [e.emit('error', new Error('m')), log]; });
both('errorMonitor', (X) => {
  const e = new X.EE();
  const log = [];
  e.on(X.EE.errorMonitor, (er, x) => log.push(['mon', er.message, x]));
  try { e.emit('error', new Error('m'), 1); } catch (er) { log.push(['thrown', er.message]); }
  e.on('error', () => log.push('handled'));
  e.emit('error', new Error('n'));
  return log;
});
both('error on emitter without _events', (X) => { const o = Object.create(X.EE.prototype); try { o.emit('error', new Error('x')); } catch (e) { return e.message; } });
both('emit without _events', (X) => { const o = Object.create(X.EE.prototype); return o.emit('a'); });
both('error subclass instance name', (X) => { class Foo extends X.EE {} try { new Foo().emit('error', 'str'); } catch (e) { return [e.name, e.code, e.message]; } });

// ---------------------------------------------------------------------------
// max listeners

for (const n of [0, 1, 2, 10]) {
  both(`max listeners ${n}`, (X) => {
    const e = new X.EE();
    e.setMaxListeners(n);
    for (let i = 0; i < 12; i++) e.on('ev', () => {});
    for (let i = 0; i < 3; i++) e.on(Symbol('sym'), () => {});
    return [e.getMaxListeners(), e._events.ev.warned];
  });
}
both('default max warning', (X) => { const e = new X.EE(); for (let i = 0; i < 11; i++) e.on('x', () => {}); for (let i = 0; i < 11; i++) e.on('x', () => {}); return 1; });
both('symbol max warning', (X) => { const e = new X.EE(); const s = Symbol('mySym'); for (let i = 0; i < 11; i++) e.on(s, () => {}); return 1; });
both('subclass max warning', (X) => { class MyEmitter extends X.EE {} const e = new MyEmitter(); for (let i = 0; i < 11; i++) e.prependListener('x', () => {}); return 1; });
both('max warning with props', (X) => { const e = new X.EE(); e.foo = 'bar'; for (let i = 0; i < 11; i++) e.on('x', () => {}); return 1; });
both('setMaxListeners bad', (X) => new X.EE().setMaxListeners(-1));
both('setMaxListeners bad2', (X) => new X.EE().setMaxListeners('1'));
both('setMaxListeners NaN', (X) => new X.EE().setMaxListeners(NaN));
both('setMaxListeners Infinity', (X) => new X.EE().setMaxListeners(Infinity).getMaxListeners());
both('defaultMaxListeners set', (X) => { const old = X.EE.defaultMaxListeners; X.EE.defaultMaxListeners = 3; const e = new X.EE(); const r = e.getMaxListeners(); for (let i = 0; i < 4; i++) e.on('z', () => {}); X.EE.defaultMaxListeners = old; return r; });
both('defaultMaxListeners bad', (X) => { X.EE.defaultMaxListeners = -1; });
both('defaultMaxListeners bad2', (X) => { X.EE.defaultMaxListeners = 'x'; });
both('static setMaxListeners', (X) => { const old = X.EE.defaultMaxListeners; X.EE.setMaxListeners(7); const r = X.EE.defaultMaxListeners; X.EE.setMaxListeners(old); return r; });
both('static setMaxListeners targets', (X) => { const e = new X.EE(); const t = new X.EventTarget(); X.EE.setMaxListeners(3, e, t); return [e.getMaxListeners(), X.events.getMaxListeners(t), X.events.getMaxListeners(e)]; });
both('static setMaxListeners bad target', (X) => X.EE.setMaxListeners(3, {}));
both('static setMaxListeners bad n', (X) => X.EE.setMaxListeners(-3));
both('getMaxListeners bad', (X) => X.events.getMaxListeners({}));
both('EventTarget max warning', (X) => { const t = new X.EventTarget(); for (let i = 0; i < 12; i++) t.addEventListener('foo', () => {}); return 1; });
both('EventTarget max set', (X) => { const t = new X.EventTarget(); X.EE.setMaxListeners(2, t); for (let i = 0; i < 4; i++) t.addEventListener('foo', () => {}); return 1; });

// ---------------------------------------------------------------------------
// captureRejections

both('captureRejections flag', (X) => [new X.EE({ captureRejections: true })[Object.getOwnPropertySymbols(new X.EE({ captureRejections: true }))[0]] ?? null, X.EE.captureRejections]);
both('captureRejections bad', (X) => new X.EE({ captureRejections: 'yes' }));
both('captureRejections set bad', (X) => { X.EE.captureRejections = 1; });
await bothAsync('captureRejections error event', async (X) => {
  const e = new X.EE({ captureRejections: true });
  const log = [];
  e.on('error', (err) => log.push(['error', err.message]));
  e.on('ev', async (x) => { throw new Error(`bad ${x}`); });
  e.emit('ev', 1);
  await new Promise((r) => setTimeout(r, 1));
  return log;
});
await bothAsync('captureRejections symbol handler', async (X) => {
  const e = new X.EE({ captureRejections: true });
  const log = [];
  e[Symbol.for('nodejs.rejection')] = (err, type, ...args) => log.push([err.message, type, ...args]);
  e.on('ev', async () => { throw new Error('bad'); });
  e.emit('ev', 1, 2);
  await new Promise((r) => setTimeout(r, 1));
  return log;
});
await bothAsync('captureRejections global default', async (X) => {
  X.EE.captureRejections = true;
  const e = new X.EE();
  X.EE.captureRejections = false;
  const log = [];
  e.on('error', (err) => log.push(err.message));
  e.on('ev', () => Promise.reject(new Error('r')));
  e.emit('ev');
  await new Promise((r) => setTimeout(r, 1));
  return log;
});
await bothAsync('captureRejections thenable getter throws', async (X) => {
  const e = new X.EE({ captureRejections: true });
  const log = [];
  e.on('error', (err) => log.push(err.message));
  e.on('ev', () => ({ get then() { throw new Error('then getter'); } }));
  e.emit('ev');
  return log;
});

// ---------------------------------------------------------------------------
// events.once / events.on / getEventListeners / addAbortListener

await bothAsync('once resolves', async (X) => {
  const e = new X.EE();
  setTimeout(() => e.emit('ready', 1, 2), 1);
  const r = await X.events.once(e, 'ready');
  return [r, e.listenerCount('ready'), e.listenerCount('error')];
});
await bothAsync('once rejects on error', async (X) => {
  const e = new X.EE();
  setTimeout(() => e.emit('error', new Error('fail')), 1);
  try { await X.events.once(e, 'ready'); } catch (err) { return [err.message, e.listenerCount('ready'), e.listenerCount('error')]; }
});
await bothAsync('once error event itself', async (X) => {
  const e = new X.EE();
  setTimeout(() => e.emit('error', new Error('fail')), 1);
  const r = await X.events.once(e, 'error');
  return [r[0].message];
});
await bothAsync('once aborted signal', async (X) => {
  const e = new X.EE();
  const ac = new X.AbortController();
  ac.abort('why');
  return X.events.once(e, 'x', { signal: ac.signal });
});
await bothAsync('once abort later', async (X) => {
  const e = new X.EE();
  const ac = new X.AbortController();
  setTimeout(() => ac.abort(), 1);
  try { await X.events.once(e, 'x', { signal: ac.signal }); } catch (err) { return [err.name, err.code, err.message, err.cause?.name, e.listenerCount('x'), e.listenerCount('error')]; }
});
await bothAsync('once bad signal', async (X) => X.events.once(new X.EE(), 'x', { signal: 5 }));
await bothAsync('once EventTarget', async (X) => {
  const t = new X.EventTarget();
  setTimeout(() => t.dispatchEvent(new X.Event('foo')), 1);
  const [ev] = await X.events.once(t, 'foo');
  return [ev.type, ev instanceof X.Event];
});
await bothAsync('once bad emitter', async (X) => X.events.once({}, 'x'));
await bothAsync('on iterator', async (X) => {
  const e = new X.EE();
  setTimeout(() => { e.emit('foo', 'a'); e.emit('foo', 'b', 'c'); e.emit('foo', 'd'); }, 1);
  const out = [];
  for await (const v of X.events.on(e, 'foo')) {
    out.push(v);
    if (out.length === 3) break;
  }
  return [out, e.listenerCount('foo'), e.listenerCount('error')];
});
await bothAsync('on iterator error', async (X) => {
  const e = new X.EE();
  setTimeout(() => { e.emit('foo', 1); e.emit('error', new Error('E')); }, 1);
  const out = [];
  try {
    for await (const v of X.events.on(e, 'foo')) out.push(v);
  } catch (err) {
    out.push(err.message);
  }
  return [out, e.listenerCount('foo')];
});
await bothAsync('on iterator abort', async (X) => {
  const e = new X.EE();
  const ac = new X.AbortController();
  setTimeout(() => { e.emit('foo', 1); ac.abort(); }, 1);
  const out = [];
  try {
    for await (const v of X.events.on(e, 'foo', { signal: ac.signal })) out.push(v);
  } catch (err) {
    out.push([err.name, err.code]);
  }
  return out;
});
await bothAsync('on iterator close events', async (X) => {
  const e = new X.EE();
  setTimeout(() => { e.emit('foo', 1); e.emit('end'); e.emit('foo', 2); }, 1);
  const out = [];
  for await (const v of X.events.on(e, 'foo', { close: ['end'] })) out.push(v);
  return [out, e.listenerCount('end')];
});
await bothAsync('on iterator return/throw', async (X) => {
  const e = new X.EE();
  const it = X.events.on(e, 'foo');
  const p = it.next();
  const r = await it.return();
  const r2 = await p;
  let thrown;
  try { it.throw('notError'); } catch (err) { thrown = [err.code, err.message]; }
  return [r, r2, await it.next(), thrown, typeof it[Symbol.asyncIterator], Object.prototype.toString.call(it)];
});
await bothAsync('on iterator throw error', async (X) => {
  const e = new X.EE();
  const it = X.events.on(e, 'foo');
  it.throw(new Error('T'));
  const out = [];
  try { await it.next(); } catch (err) { out.push(err.message); }
  out.push(await it.next());
  return out;
});
await bothAsync('on bad options', async (X) => X.events.on(new X.EE(), 'foo', { highWaterMark: 0 }));
await bothAsync('on aborted signal', async (X) => { const ac = new X.AbortController(); ac.abort(); return X.events.on(new X.EE(), 'foo', { signal: ac.signal }); });
await bothAsync('on EventTarget', async (X) => {
  const t = new X.EventTarget();
  setTimeout(() => { t.dispatchEvent(new X.Event('foo')); t.dispatchEvent(new X.Event('foo')); }, 1);
  const out = [];
  for await (const [ev] of X.events.on(t, 'foo')) {
    out.push(ev.type);
    if (out.length === 2) break;
  }
  return out;
});
both('getEventListeners', (X) => {
  const e = new X.EE();
  const f = () => {};
  e.on('a', f); e.once('a', f);
  const t = new X.EventTarget();
  const g = () => {};
  const h = { handleEvent() {} };
  t.addEventListener('b', g); t.addEventListener('b', h); t.addEventListener('b', g, { capture: true });
  return [X.events.getEventListeners(e, 'a').map((x) => x === f), X.events.getEventListeners(t, 'b').map((x) => (x === g ? 'g' : x === h ? 'h' : '?')),
    X.events.getEventListeners(t, 'zz')];
});
both('getEventListeners bad', (X) => X.events.getEventListeners({}, 'a'));
await bothAsync('addAbortListener', async (X) => {
  const ac = new X.AbortController();
  const log = [];
  const d = X.events.addAbortListener(ac.signal, (ev) => log.push(['l1', ev?.type]));
  const d2 = X.events.addAbortListener(ac.signal, () => log.push('l2'));
  d2[Symbol.dispose || Symbol.for('nodejs.dispose')]();
  ac.abort();
  const ac2 = new X.AbortController();
  ac2.abort();
  X.events.addAbortListener(ac2.signal, (...a) => log.push(['already', a.length]));
  log.push('sync');
  await null;
  return [log, typeof d];
});
both('addAbortListener bad', (X) => X.events.addAbortListener(undefined, () => {}));
both('addAbortListener bad2', (X) => X.events.addAbortListener(new X.AbortController().signal, 5));

// ---------------------------------------------------------------------------
// Random operation sequences (shape of _events, counts, order, events)

for (let t = 0; t < 300; t++) {
  const ops = [];
  for (let i = 0; i < 25; i++) ops.push([ri(9), ri(3), ri(4)]);
  both(`fuzz ops #${t}`, (X) => {
    const e = new X.EE();
    const log = [];
    const fns = [0, 1, 2, 3].map((k) => function() { log.push(['f', k, ...arguments]); });
    if (t % 3 === 0) e.on('newListener', (n) => log.push(['new', n]));
    if (t % 4 === 0) e.on('removeListener', (n) => log.push(['rm', n]));
    const names = ['a', 'b', 'c'];
    for (const [op, ni, fi] of ops) {
      const n = names[ni];
      const f = fns[fi];
      switch (op) {
        case 0: e.on(n, f); break;
        case 1: e.once(n, f); break;
        case 2: e.prependListener(n, f); break;
        case 3: e.prependOnceListener(n, f); break;
        case 4: e.removeListener(n, f); break;
        case 5: log.push(['emit', n, e.emit(n, fi)]); break;
        case 6: e.removeAllListeners(n); break;
        case 7: log.push(['count', n, e.listenerCount(n), e.listenerCount(n, f)]); break;
        case 8: log.push(['names', e.eventNames(), e.rawListeners(n).length]); break;
      }
    }
    return [log, e._eventsCount, Object.keys(e._events).map((k) => [k, typeof e._events[k], Array.isArray(e._events[k]) ? e._events[k].length : 1])];
  });
}

// ---------------------------------------------------------------------------
// Inheritance patterns

both('util.inherits style', (X) => {
  function My() { X.EE.call(this); }
  Object.setPrototypeOf(My.prototype, X.EE.prototype);
  const m = new My();
  const log = [];
  m.on('x', (v) => log.push(v));
  m.emit('x', 1);
  return [log, m instanceof X.EE];
});
both('class extends', (X) => { class A extends X.EE { constructor() { super({ captureRejections: false }); this.v = 1; } } const a = new A(); a.on('x', function() { this.v++; }); a.emit('x'); return a.v; });
both('shape mode', (X) => {
  class Shaped extends X.EE {}
  Shaped.prototype._events = { __proto__: null };
  const s = new Shaped();
  s._events = { __proto__: null, a: undefined };
  X.EE.init.call(s);
  const f = () => {};
  s.on('b', f);
  s.removeListener('b', f);
  return [Object.keys(s._events), 'b' in s._events, s._eventsCount];
});
both('init reuse events', (X) => { const e = new X.EE(); e.on('a', () => {}); X.EE.init.call(e); return [e.listenerCount('a'), e._eventsCount]; });

// ---------------------------------------------------------------------------
// Event / CustomEvent

both('Event basics', (X) => {
  const ev = new X.Event('foo', { cancelable: true, bubbles: true, composed: true });
  return [ev.type, ev.cancelable, ev.bubbles, ev.composed, ev.defaultPrevented, ev.eventPhase, ev.target, ev.currentTarget, ev.srcElement,
    ev.returnValue, ev.cancelBubble, ev.isTrusted, ev.composedPath(), typeof ev.timeStamp, X.Event.NONE, X.Event.AT_TARGET, X.Event.BUBBLING_PHASE,
    X.Event.CAPTURING_PHASE, Object.prototype.toString.call(ev)];
});
both('Event keys', (X) => [Object.keys(X.Event.prototype), Object.keys(new X.Event('x')), Object.keys(X.Event)]);
both('Event preventDefault', (X) => {
  const a = new X.Event('a');
  a.preventDefault();
  const b = new X.Event('b', { cancelable: true });
  b.preventDefault();
  return [a.defaultPrevented, a.returnValue, b.defaultPrevented, b.returnValue];
});
both('Event no type', (X) => new X.Event());
both('Event bad options', (X) => new X.Event('a', 5));
both('Event array options', (X) => new X.Event('a', []));
both('Event null options', (X) => new X.Event('a', null).type);
both('Event type coercion', (X) => [new X.Event(1).type, new X.Event(undefined).type, new X.Event({ toString: () => 's' }).type]);
both('Event symbol type', (X) => new X.Event(Symbol('s')));
both('Event initEvent', (X) => { const e = new X.Event('a'); e.initEvent('b', true, true); return [e.type, e.bubbles, e.cancelable]; });
both('Event initEvent no args', (X) => new X.Event('a').initEvent());
both('Event bad this', (X) => X.Event.prototype.preventDefault.call({}));
both('Event bad this getter', (X) => Object.getOwnPropertyDescriptor(X.Event.prototype, 'type').get.call({}));
both('Event cancelBubble', (X) => { const e = new X.Event('a'); e.cancelBubble = false; const r = [e.cancelBubble]; e.cancelBubble = true; r.push(e.cancelBubble); e.cancelBubble = false; r.push(e.cancelBubble); return r; });
both('CustomEvent', (X) => {
  const c = new X.CustomEvent('c', { detail: { a: 1 } });
  return [c.type, c.detail, new X.CustomEvent('d').detail, c instanceof X.Event, Object.prototype.toString.call(c), Object.keys(X.CustomEvent.prototype)];
});
both('CustomEvent no type', (X) => new X.CustomEvent());
both('CustomEvent bad this', (X) => Object.getOwnPropertyDescriptor(X.CustomEvent.prototype, 'detail').get.call(new X.Event('x')));

// ---------------------------------------------------------------------------
// EventTarget

both('EventTarget keys', (X) => [Object.keys(X.EventTarget.prototype), Object.keys(new X.EventTarget()), Object.prototype.toString.call(new X.EventTarget())]);
both('dispatch basics', (X) => {
  const t = new X.EventTarget();
  const log = [];
  t.addEventListener('foo', function(ev) { log.push(['fn', this === t, ev.type, ev.target === t, ev.currentTarget === t, ev.eventPhase]); });
  t.addEventListener('foo', { handleEvent(ev) { log.push(['obj', this !== t, ev.currentTarget === t, ev.eventPhase]); } });
  t.addEventListener('foo', (ev) => log.push(['arrow', ev.eventPhase]));
  const ev = new X.Event('foo');
  const r = t.dispatchEvent(ev);
  log.push(r, ev.eventPhase, ev.currentTarget, ev.target === t);
  return log;
});
both('dispatch order and duplicates', (X) => {
  const t = new X.EventTarget();
  const log = [];
  const f = () => log.push('f');
  const g = () => log.push('g');
  t.addEventListener('e', f);
  t.addEventListener('e', g);
  t.addEventListener('e', f);
  t.addEventListener('e', f, { capture: true });
  t.addEventListener('e', f, true);
  t.dispatchEvent(new X.Event('e'));
  t.removeEventListener('e', f);
  t.dispatchEvent(new X.Event('e'));
  t.removeEventListener('e', f, { capture: true });
  t.dispatchEvent(new X.Event('e'));
  return log;
});
both('once option', (X) => {
  const t = new X.EventTarget();
  const log = [];
  t.addEventListener('e', () => log.push(1), { once: true });
  t.addEventListener('e', () => log.push(2));
  t.dispatchEvent(new X.Event('e'));
  t.dispatchEvent(new X.Event('e'));
  return log;
});
both('stopImmediatePropagation', (X) => {
  const t = new X.EventTarget();
  const log = [];
  t.addEventListener('e', (ev) => { log.push(1); ev.stopImmediatePropagation(); });
  t.addEventListener('e', () => log.push(2));
  const ev = new X.Event('e');
  t.dispatchEvent(ev);
  t.dispatchEvent(new X.Event('e'));
  return [log, ev.cancelBubble];
});
both('preventDefault result', (X) => {
  const t = new X.EventTarget();
  t.addEventListener('e', (ev) => ev.preventDefault());
  return [t.dispatchEvent(new X.Event('e', { cancelable: true })), t.dispatchEvent(new X.Event('e'))];
});
both('passive', (X) => {
  const t = new X.EventTarget();
  t.addEventListener('e', (ev) => ev.preventDefault(), { passive: true });
  return t.dispatchEvent(new X.Event('e', { cancelable: true }));
});
both('remove during dispatch', (X) => {
  const t = new X.EventTarget();
  const log = [];
  const b = () => log.push('b');
  t.addEventListener('e', () => { log.push('a'); t.removeEventListener('e', b); });
  t.addEventListener('e', b);
  t.addEventListener('e', () => { log.push('c'); t.addEventListener('e', () => log.push('late')); });
  t.dispatchEvent(new X.Event('e'));
  t.dispatchEvent(new X.Event('e'));
  return log;
});
both('signal option', (X) => {
  const t = new X.EventTarget();
  const ac = new X.AbortController();
  const log = [];
  t.addEventListener('e', () => log.push('x'), { signal: ac.signal });
  t.dispatchEvent(new X.Event('e'));
  ac.abort();
  t.dispatchEvent(new X.Event('e'));
  const ac2 = new X.AbortController();
  ac2.abort();
  t.addEventListener('e', () => log.push('never'), { signal: ac2.signal });
  t.dispatchEvent(new X.Event('e'));
  return log;
});
both('signal option bad', (X) => new X.EventTarget().addEventListener('e', () => {}, { signal: 1 }));
both('addEventListener missing args', (X) => new X.EventTarget().addEventListener('e'));
both('addEventListener null listener', (X) => new X.EventTarget().addEventListener('e', null));
both('addEventListener undefined listener', (X) => new X.EventTarget().addEventListener('e', undefined));
both('addEventListener bad listener', (X) => new X.EventTarget().addEventListener('e', 5));
both('addEventListener bad options', (X) => new X.EventTarget().addEventListener('e', () => {}, 5));
both('addEventListener symbol type', (X) => new X.EventTarget().addEventListener(Symbol('s'), () => {}));
both('addEventListener null options', (X) => { const t = new X.EventTarget(); const log = []; t.addEventListener('e', () => log.push(1), null); t.dispatchEvent(new X.Event('e')); return log; });
both('options getters order', (X) => {
  const log = [];
  const opts = {};
  for (const k of ['once', 'capture', 'passive', 'signal']) Object.defineProperty(opts, k, { get() { log.push(k); return undefined; } });
  new X.EventTarget().addEventListener('e', () => {}, opts);
  return log;
});
both('removeEventListener missing', (X) => new X.EventTarget().removeEventListener('e'));
both('removeEventListener bad listener', (X) => new X.EventTarget().removeEventListener('e', 5));
both('dispatchEvent bad', (X) => new X.EventTarget().dispatchEvent({ type: 'x' }));
both('dispatchEvent missing', (X) => new X.EventTarget().dispatchEvent());
both('dispatchEvent recursion', (X) => {
  const t = new X.EventTarget();
  const ev = new X.Event('e');
  let err;
  t.addEventListener('e', () => { try { t.dispatchEvent(ev); } catch (e) { err = [e.code, e.message]; } });
  t.dispatchEvent(ev);
  return err;
});
both('bad this', (X) => X.EventTarget.prototype.addEventListener.call({}, 'e', () => {}));
both('bad this dispatch', (X) => X.EventTarget.prototype.dispatchEvent.call({}, new X.Event('e')));
both('dispatch no listeners', (X) => { const ev = new X.Event('e'); return [new X.EventTarget().dispatchEvent(ev), ev.target === null]; });
both('handleEvent lookup at dispatch', (X) => {
  const t = new X.EventTarget();
  const log = [];
  const o = {};
  t.addEventListener('e', o);
  o.handleEvent = () => log.push('late');
  t.dispatchEvent(new X.Event('e'));
  return log;
});
await bothAsync('listener error is uncaught', async (X) => {
  const t = new X.EventTarget();
  const log = [];
  t.addEventListener('e', () => { throw new Error('listener failed'); });
  t.addEventListener('e', () => log.push('second runs'));
  log.push(t.dispatchEvent(new X.Event('e')));
  return log;
});
await bothAsync('handleEvent error is uncaught', async (X) => {
  const t = new X.EventTarget();
  t.addEventListener('e', { handleEvent() { throw new Error('handleEvent failed'); } });
  t.dispatchEvent(new X.Event('e'));
  return 'done';
});
await bothAsync('async listener rejection is uncaught', async (X) => {
  const t = new X.EventTarget();
  t.addEventListener('e', async () => { throw new Error('async failed'); });
  t.dispatchEvent(new X.Event('e'));
  return 'done';
});
both('event reuse after dispatch', (X) => {
  const t = new X.EventTarget();
  const log = [];
  t.addEventListener('e', (ev) => log.push(ev.eventPhase));
  const ev = new X.Event('e');
  t.dispatchEvent(ev);
  t.dispatchEvent(ev);
  return log;
});
both('subclass target', (X) => {
  class MyTarget extends X.EventTarget {}
  const t = new MyTarget();
  let got;
  t.addEventListener('x', (ev) => { got = ev.target instanceof MyTarget; });
  t.dispatchEvent(new X.Event('x'));
  return [got, Object.prototype.toString.call(t)];
});
for (let t = 0; t < 150; t++) {
  const ops = [];
  for (let i = 0; i < 20; i++) ops.push([ri(5), ri(2), ri(3), ri(2)]);
  both(`fuzz EventTarget #${t}`, (X) => {
    const target = new X.EventTarget();
    const log = [];
    const fns = [0, 1, 2].map((k) => (ev) => { log.push([k, ev.type]); if (k === 2 && ev.type === 'b') ev.stopImmediatePropagation(); });
    for (const [op, ni, fi, flag] of ops) {
      const n = ['a', 'b'][ni];
      if (op === 0) target.addEventListener(n, fns[fi], { once: !!flag });
      else if (op === 1) target.addEventListener(n, fns[fi], !!flag);
      else if (op === 2) target.removeEventListener(n, fns[fi], !!flag);
      else if (op === 3) log.push(target.dispatchEvent(new X.Event(n, { cancelable: !!flag })));
      else log.push(X.events.getEventListeners(target, n).length);
    }
    return log;
  });
}

// ---------------------------------------------------------------------------
// AbortController / AbortSignal

both('AbortController basics', (X) => {
  const ac = new X.AbortController();
  const s = ac.signal;
  const log = [];
  s.addEventListener('abort', (ev) => log.push(['listener', ev.type, ev.isTrusted, ev.target === s, s.aborted]));
  s.onabort = (ev) => log.push(['onabort', ev.type]);
  log.push([s.aborted, s.reason, s === ac.signal, typeof s.onabort]);
  ac.abort();
  ac.abort('second');
  log.push([s.aborted, s.reason.name, s.reason.message, s.reason.code, s.reason instanceof X.DOMException, s.reason instanceof Error]);
  return log;
});
both('AbortController keys', (X) => [Object.keys(X.AbortController.prototype), Object.keys(X.AbortSignal.prototype), Object.prototype.toString.call(new X.AbortController()),
  Object.prototype.toString.call(new X.AbortController().signal), Object.keys(X.AbortSignal), new X.AbortController().signal instanceof X.EventTarget]);
both('abort reason custom', (X) => { const ac = new X.AbortController(); ac.abort({ r: 1 }); return [ac.signal.reason, ac.signal.aborted]; });
both('abort reason undefined', (X) => { const ac = new X.AbortController(); ac.abort(undefined); return [ac.signal.reason.name]; });
both('abort before signal access', (X) => { const ac = new X.AbortController(); ac.abort('x'); return [ac.signal.aborted, ac.signal.reason]; });
both('throwIfAborted', (X) => { const ac = new X.AbortController(); ac.signal.throwIfAborted(); ac.abort('because'); ac.signal.throwIfAborted(); });
both('throwIfAborted default', (X) => { const ac = new X.AbortController(); ac.abort(); ac.signal.throwIfAborted(); });
both('AbortSignal illegal constructor', (X) => new X.AbortSignal());
both('AbortSignal bad this', (X) => Object.getOwnPropertyDescriptor(X.AbortSignal.prototype, 'aborted').get.call({}));
both('AbortSignal.abort', (X) => { const s = X.AbortSignal.abort(); const t = X.AbortSignal.abort(5); return [s.aborted, s.reason.name, s.reason.message, t.reason]; });
both('onabort semantics', (X) => {
  const ac = new X.AbortController();
  const log = [];
  const s = ac.signal;
  s.addEventListener('abort', () => log.push('first'));
  s.onabort = () => log.push('handler1');
  s.addEventListener('abort', () => log.push('last'));
  s.onabort = () => log.push('handler2');
  const r = [s.onabort !== null];
  s.onabort = null;
  r.push(s.onabort);
  s.onabort = () => log.push('handler3');
  ac.abort();
  return [log, r];
});
both('onabort bad this', (X) => Object.getOwnPropertyDescriptor(X.AbortSignal.prototype, 'onabort').get.call({}));
both('AbortSignal.any', (X) => {
  const a = new X.AbortController();
  const b = new X.AbortController();
  const any = X.AbortSignal.any([a.signal, b.signal]);
  const log = [];
  any.addEventListener('abort', () => log.push(['any', any.reason]));
  b.abort('b-reason');
  a.abort('a-reason');
  const pre = X.AbortSignal.any([X.AbortSignal.abort('pre'), a.signal]);
  const nested = X.AbortSignal.any([X.AbortSignal.any([new X.AbortController().signal])]);
  return [log, any.aborted, any.reason, pre.reason, X.AbortSignal.any([]).aborted, nested.aborted];
});
both('AbortSignal.any nested composite', (X) => {
  const a = new X.AbortController();
  const inner = X.AbortSignal.any([a.signal]);
  const outer = X.AbortSignal.any([inner]);
  a.abort('r');
  return [inner.reason, outer.reason];
});
both('AbortSignal.any bad', (X) => X.AbortSignal.any([1]));
both('AbortSignal.any bad2', (X) => X.AbortSignal.any('x'));
both('AbortSignal.any null item', (X) => X.AbortSignal.any([null]));
both('AbortSignal.timeout bad', (X) => X.AbortSignal.timeout(-1));
both('AbortSignal.timeout bad2', (X) => X.AbortSignal.timeout('1'));
await bothAsync('AbortSignal.timeout', async (X) => {
  const s = X.AbortSignal.timeout(5);
  const log = [s.aborted];
  // The signal's timer is unref'd: keep the loop alive meanwhile.
  const keepAlive = setTimeout(() => {}, 10000);
  await new Promise((resolve) => s.addEventListener('abort', resolve));
  clearTimeout(keepAlive);
  log.push(s.aborted, s.reason.name, s.reason.message, s.reason.code);
  return log;
});
both('DOMException', (X) => {
  const e = new X.DOMException('msg', 'AbortError');
  const f = new X.DOMException('m2', { name: 'DataCloneError', cause: 'c' });
  const g = new X.DOMException();
  return [e.name, e.message, e.code, f.name, f.code, f.cause, g.name, g.message, g.code, String(e), Object.prototype.toString.call(e), e instanceof Error,
    X.DOMException.ABORT_ERR, X.DOMException.prototype.DATA_CLONE_ERR, Object.keys(X.DOMException).length, X.DOMException.name, X.DOMException.length,
    new X.DOMException('x', 'ValidationError').code, new X.DOMException('x', 'Custom').code, Object.getOwnPropertyNames(f), e.stack.split('\n')[0]];
});
both('DOMException bad this', (X) => Object.getOwnPropertyDescriptor(X.DOMException.prototype, 'name').get.call({}));

S.finish();
