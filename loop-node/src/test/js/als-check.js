'use strict';
// AsyncLocalStorage / AsyncResource conformance: prints deterministic lines; `node als-check.js`
// and `bin/loop-node run als-check.js` must print the same. Asynchronous results are collected
// and printed sorted, so only the stores seen are compared, not the order of unrelated callbacks.
const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId, createHook,
  executionAsyncResource } = require('async_hooks');
const crypto = require('crypto');
const zlib = require('zlib');
const timersPromises = require('timers/promises');
const EventEmitter = require('events');

function log(...args) {
  console.log(args.map(String).join(' '));
}
function show(label, f) {
  try {
    log(label, '=>', fmt(f()));
  } catch (e) {
    log(label, 'throws', e.name, e.code, JSON.stringify(e.message));
  }
}
function fmt(v) {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

const seen = [];
let pending = 0;
function expect(n) {
  pending += n;
}
function record(label, value) {
  seen.push(`${label} ${fmt(value)}`);
  if (--pending === 0) {
    seen.sort();
    for (const line of seen) log('async', line);
    log('done');
  }
}

// A timer scheduled before any AsyncLocalStorage exists runs with no store.
expect(1);
setTimeout(() => record('timer set before the first ALS', als?.getStore()), 1);

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();

// ---- synchronous ----
log('shape', Object.keys(als).join(), typeof als.kResourceStore, als.enabled,
  Object.getOwnPropertyNames(AsyncLocalStorage.prototype).join(),
  Object.getOwnPropertyNames(AsyncLocalStorage).join());
log('outside', als.getStore());
log('run returns', als.run('s1', (a, b) => `${a}${b}${als.getStore()}`, 'x', 'y'));
log('this in callback', als.run('s', function() {
  return this;
}));
log('after run', als.getStore());
log('nested', als.run('outer', () => {
  const inner = als.run('inner', () => als.getStore());
  return `${inner} then ${als.getStore()}`;
}));
log('two storages', als.run('a', () => other.run('b', () => `${als.getStore()} ${other.getStore()}`)));
log('exit', als.run('s2', () => als.exit((x) => `${x} ${als.getStore()} ${other.getStore()}`, 'arg')
  + ` back ${als.getStore()}`));
log('exit when disabled', new AsyncLocalStorage().exit(() => 'ran'));
log('throwing run restores', (() => {
  try {
    als.run('boom', () => {
      throw new Error('x');
    });
  } catch {
    return als.getStore();
  }
})());
log('object store identity', (() => {
  const store = { id: 1 };
  return als.run(store, () => als.getStore() === store);
})());
log('same store run', als.run('same', () => als.run('same', () => als.getStore())));

// ---- across the loop's scheduling ----
function checkAll(label, store) {
  als.run(store, () => {
    expect(13);
    setTimeout(() => record(`${label} setTimeout`, als.getStore()), 2);
    setImmediate(() => record(`${label} setImmediate`, als.getStore()));
    process.nextTick(() => record(`${label} nextTick`, als.getStore()));
    queueMicrotask(() => record(`${label} queueMicrotask`, als.getStore()));
    Promise.resolve().then(() => record(`${label} then`, als.getStore()));
    (async () => {
      await null;
      record(`${label} await`, als.getStore());
      await timersPromises.setTimeout(1);
      record(`${label} await timers/promises`, als.getStore());
    })();
    const iv = setInterval(() => {
      clearInterval(iv);
      record(`${label} setInterval`, als.getStore());
    }, 1);
    crypto.pbkdf2('pw', 'salt', 10, 16, 'sha256', () => record(`${label} pbkdf2`, als.getStore()));
    crypto.scrypt('pw', 'salt', 16, { N: 16 }, () => record(`${label} scrypt`, als.getStore()));
    crypto.randomBytes(8, () => record(`${label} randomBytes`, als.getStore()));
    zlib.gzip('data', () => record(`${label} gzip`, als.getStore()));
    setTimeout(() => {
      process.nextTick(() => record(`${label} timeout>nextTick`, als.getStore()));
    }, 1);
  });
}
checkAll('A', 'store-A');
checkAll('B', { name: 'store-B' }.name);

// Nested runs with async work in each level.
als.run('L1', () => {
  expect(3);
  setTimeout(() => record('nested L1 timeout', als.getStore()), 1);
  als.run('L2', () => {
    setImmediate(() => record('nested L2 immediate', als.getStore()));
    als.run('L3', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      record('nested L3 await timeout', als.getStore());
    });
  });
});

// A promise made in one context and continued in another: the continuation sees the second.
const madeIn5 = als.run('five', () => Promise.resolve());
expect(1);
als.run('six', () => madeIn5.then(() => record('then registered under six', als.getStore())));

// exit() inside run: work scheduled inside exit sees no store later.
als.run('ex', () => {
  expect(2);
  als.exit(() => setTimeout(() => record('scheduled inside exit', als.getStore()), 1));
  setTimeout(() => record('scheduled after exit', als.getStore()), 1);
});

// Two storages at once, across a timer.
als.run('x1', () => other.run('y1', () => {
  expect(1);
  setTimeout(() => record('two storages timeout', `${als.getStore()} ${other.getStore()}`), 1);
}));

// EventEmitter listeners run in the emitting context.
const emitter = new EventEmitter();
emitter.on('ev', () => log('listener', als.getStore()));
als.run('emit-ctx', () => emitter.emit('ev'));

// ---- bind and snapshot ----
const boundFn = als.run('bound-ctx', () => AsyncLocalStorage.bind((a) => `${a} ${als.getStore()}`));
log('static bind', boundFn('arg'), als.run('elsewhere', () => boundFn('arg2')));
const snapshot = als.run('snap-ctx', () => AsyncLocalStorage.snapshot());
log('snapshot', snapshot.name, snapshot.length,
  als.run('other', () => snapshot((a, b) => `${a}${b} ${als.getStore()}`, 'p', 'q')));
expect(1);
als.run('snap-later', () => {
  const snap = AsyncLocalStorage.snapshot();
  setTimeout(() => als.run('timer-ctx', () => snap(() => record('snapshot in timer', als.getStore()))), 1);
});

// ---- enterWith ----
const ew = new AsyncLocalStorage();
log('enterWith top level', (() => {
  ew.enterWith('entered');
  return ew.getStore();
})());
expect(1);
setTimeout(() => record('after top-level enterWith', ew.getStore()), 1);
log('enterWith in run', ew.run('r', () => {
  ew.enterWith('changed');
  expect(1);
  setTimeout(() => record('scheduled after enterWith in run', ew.getStore()), 1);
  return ew.getStore();
}));
log('after run with enterWith', ew.getStore());

// ---- disable ----
const dis = new AsyncLocalStorage();
log('disable', dis.run('d', () => {
  dis.disable();
  return `${dis.getStore()} ${dis.enabled}`;
}));
log('run enables again', dis.run('d2', () => `${dis.getStore()} ${dis.enabled}`));

// ---- AsyncResource ----
log('AsyncResource shape', Object.getOwnPropertyNames(AsyncResource.prototype).join(),
  Object.getOwnPropertyNames(AsyncResource).join());
log('top-level ids', executionAsyncId(), triggerAsyncId(), typeof executionAsyncResource());
const res = als.run('res-ctx', () => new AsyncResource('MyResource'));
log('resource ids', typeof res.asyncId(), Number.isInteger(res.asyncId()), res.asyncId() > 1,
  res.triggerAsyncId() === 1, res.emitDestroy() === res);
log('runInAsyncScope', als.run('caller', () => res.runInAsyncScope(function(a, b) {
  return `${this} ${a} ${b} ${als.getStore()} ${executionAsyncId() === res.asyncId()} ` +
    `${executionAsyncResource() === res}`;
}, 'T', 'A', 'B')), als.getStore());
log('explicit trigger', new AsyncResource('X', { triggerAsyncId: 7 }).triggerAsyncId(),
  new AsyncResource('X', 9).triggerAsyncId());
const rb = als.run('rbind', () => res.bind(function(x) {
  return `${x} ${als.getStore()} ${this === undefined || this === globalThis}`;
}));
log('resource bind', rb('v'), rb.length, Object.keys(rb).join());
const rbThis = res.bind(function() {
  return String(this);
}, 'THIS');
log('resource bind thisArg', rbThis());
const sb = als.run('sbind', () => AsyncResource.bind(function named(a, b) {
  return `${a}${b} ${als.getStore()}`;
}));
log('AsyncResource.bind', sb.name, sb.length, sb(1, 2));
show('AsyncResource(5)', () => new AsyncResource(5));
show('triggerAsyncId -2', () => new AsyncResource('x', { triggerAsyncId: -2 }));
show('triggerAsyncId 1.5', () => new AsyncResource('x', 1.5));
show('bind(5)', () => res.bind(5));

// ---- createHook ----
show('createHook init 5', () => createHook({ init: 5 }));
show('createHook destroy "x"', () => createHook({ destroy: 'x' }));
const hook = createHook({ init() {} });
log('hook', hook.constructor.name, Object.getOwnPropertyNames(Object.getPrototypeOf(hook)).join(),
  hook.disable() === hook);
