'use strict';
// The 'async_hooks' module: AsyncLocalStorage and AsyncResource over GraalJS's AsyncContext (the
// TC39 proposal: AsyncContext.Variable and AsyncContext.Snapshot). Promise continuations carry
// the context natively; the loop carries it across nextTick, timers, immediates and pool
// callbacks once internal/async_context is activated, which the first AsyncLocalStorage does.
//
// Differences from Node 20, which builds these on async hooks:
// - createHook() returns a hook whose enable() throws ERR_LOOPD_UNSUPPORTED: there are no
//   init/before/after/destroy events to deliver.
// - executionAsyncId()/triggerAsyncId()/executionAsyncResource() know only AsyncResource scopes
//   (runInAsyncScope, bound functions); elsewhere they report the top level (1, 0, a shared
//   object), where Node would name the timer, immediate or request that is running.
// - Each AsyncLocalStorage keeps a mutable box in its Variable, and every callback the loop
//   schedules starts with boxes of its own (see withOwnStores), which gives enterWith() and
//   disable() Node's reach; promise reactions share the box of the code that registered them.
// - Callbacks scheduled before the first AsyncLocalStorage existed run in the outermost context.

const asyncContext = require('internal/async_context');
const {
  codes: { ERR_ASYNC_CALLBACK, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

const kEmptyObject = Object.freeze({ __proto__: null });

// ---- execution ids --------------------------------------------------------------------------

// The AsyncResource whose scope is running, if any.
const currentResource = new AsyncContext.Variable();
const topLevelResource = {};
let asyncIdCounter = 1; // 1 is the top level, as in Node

function executionAsyncId() {
  const resource = currentResource.get();
  return resource === undefined ? 1 : resource[kAsyncId];
}

function triggerAsyncId() {
  const resource = currentResource.get();
  return resource === undefined ? 0 : resource[kTriggerAsyncId];
}

function executionAsyncResource() {
  const resource = currentResource.get();
  return resource === undefined ? topLevelResource : resource;
}

// ---- AsyncResource --------------------------------------------------------------------------

const kAsyncId = Symbol('asyncId');
const kTriggerAsyncId = Symbol('triggerAsyncId');
const kSnapshot = Symbol('kSnapshot');

let warnedAsyncResourceProperty = false;

class AsyncResource {
  constructor(type, opts = kEmptyObject) {
    validateString(type, 'type');
    let triggerId = opts;
    if (typeof opts !== 'number') {
      triggerId = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
    }
    if (!Number.isSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    Object.defineProperties(this, {
      [kSnapshot]: { value: withOwnStores(() => new AsyncContext.Snapshot()) },
      [kAsyncId]: { value: ++asyncIdCounter },
      [kTriggerAsyncId]: { value: triggerId },
    });
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return this[kSnapshot].run(() =>
      currentResource.run(this, () => Reflect.apply(fn, thisArg, args)));
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerAsyncId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() {
          if (!warnedAsyncResourceProperty) {
            warnedAsyncResourceProperty = true;
            globalThis.process.emitWarning(
              'The asyncResource property on bound functions is deprecated',
              'DeprecationWarning', 'DEP0172');
          }
          return self;
        },
        set(val) {
          self = val;
        },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ----------------------------------------------------------------------

// What an AsyncLocalStorage keeps in its AsyncContext.Variable: a box, the equivalent of the
// store slot Node keeps on each async resource. run() opens a new box for its callback;
// enterWith() writes into the current one.
class StoreBox {
  constructor(store) {
    this.store = store;
  }
}

// Every AsyncLocalStorage (weakly), to give each scheduled callback boxes of its own.
const storages = new Set();
let childBox; // (storage) => the box a callback scheduled now starts with
let runInBox; // (storage, box, fn) => fn() with that box current

/**
 * Runs `fn` (which takes a Snapshot) with a fresh box per AsyncLocalStorage holding the store
 * visible now, as Node copies the store into each new async resource. So enterWith() in one
 * callback reaches what that callback schedules afterwards, and neither its siblings nor what
 * was scheduled before; and a disabled storage propagates nothing.
 */
function withOwnStores(fn) {
  let run = fn;
  for (const ref of storages) {
    const storage = ref.deref();
    if (storage === undefined) {
      storages.delete(ref);
      continue;
    }
    const box = childBox(storage);
    const inner = run;
    run = () => runInBox(storage, box, inner);
  }
  return run();
}

// The loop captures a Snapshot whenever it schedules a callback (nextTick, timers, immediates,
// pool work) through internal/async_context; wrapping each capture gives each callback its own
// boxes. Installed with the first AsyncLocalStorage, which also starts the capturing.
let captureWrapped = false;

function wrapCapture() {
  if (captureWrapped) return;
  captureWrapped = true;
  asyncContext.activate(withOwnStores);
}

class AsyncLocalStorage {
  #variable = new AsyncContext.Variable();
  // The store of the outermost context (the main script), where no box exists.
  #rootStore = undefined;

  static {
    childBox = (storage) => {
      const store = storage.enabled ? storage.#visibleStore() : undefined;
      return new StoreBox(store);
    };
    runInBox = (storage, box, fn) => storage.#variable.run(box, fn);
  }

  constructor() {
    wrapCapture();
    storages.add(new WeakRef(this));
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncResource.bind(function(cb, ...args) {
      return Reflect.apply(cb, this, args);
    });
  }

  disable() {
    this.enabled = false;
  }

  _enable() {
    this.enabled = true;
  }

  _propagate() {}

  /**
   * Sets the store for the rest of this execution and what it schedules from now on. One
   * difference from Node: promise reactions registered earlier in the same callback (or run())
   * share its box, so they see the new store too.
   */
  enterWith(store) {
    this._enable();
    const box = this.#variable.get();
    if (box === undefined) this.#rootStore = store;
    else box.store = store;
  }

  run(store, callback, ...args) {
    if (Object.is(store, this.getStore())) return Reflect.apply(callback, null, args);
    this._enable();
    return this.#variable.run(new StoreBox(store), () => Reflect.apply(callback, null, args));
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    this.disable();
    try {
      return this.#variable.run(new StoreBox(undefined), () => Reflect.apply(callback, null, args));
    } finally {
      this._enable();
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    return this.#visibleStore();
  }

  #visibleStore() {
    const box = this.#variable.get();
    return box === undefined ? this.#rootStore : box.store;
  }
}

// ---- createHook -----------------------------------------------------------------------------

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.before');
    }
    if (after !== undefined && typeof after !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.after');
    }
    if (destroy !== undefined && typeof destroy !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.destroy');
    }
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
  }

  enable() {
    const err = new Error('async_hooks.createHook() hooks are not supported by loopd: ' +
      'there are no async resource events; use AsyncLocalStorage or AsyncResource');
    err.code = 'ERR_LOOPD_UNSUPPORTED';
    throw err;
  }

  disable() {
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  NONE: 0,
  DIRHANDLE: 1,
  DNSCHANNEL: 2,
  ELDHISTOGRAM: 3,
  FILEHANDLE: 4,
  FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6,
  FSEVENTWRAP: 7,
  FSREQCALLBACK: 8,
  FSREQPROMISE: 9,
  GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11,
  HEAPSNAPSHOT: 12,
  HTTP2SESSION: 13,
  HTTP2STREAM: 14,
  HTTP2PING: 15,
  HTTP2SETTINGS: 16,
  HTTPINCOMINGMESSAGE: 17,
  HTTPCLIENTREQUEST: 18,
  JSSTREAM: 19,
  JSUDPWRAP: 20,
  MESSAGEPORT: 21,
  PIPECONNECTWRAP: 22,
  PIPESERVERWRAP: 23,
  PIPEWRAP: 24,
  PROCESSWRAP: 25,
  PROMISE: 26,
  QUERYWRAP: 27,
  QUIC_LOGSTREAM: 28,
  QUIC_PACKET: 29,
  SHUTDOWNWRAP: 30,
  SIGNALWRAP: 31,
  STATWATCHER: 32,
  STREAMPIPE: 33,
  TCPCONNECTWRAP: 34,
  TCPSERVERWRAP: 35,
  TCPWRAP: 36,
  TTYWRAP: 37,
  UDPSENDWRAP: 38,
  UDPWRAP: 39,
  SIGINTWATCHDOG: 40,
  WORKER: 41,
  WORKERHEAPSNAPSHOT: 42,
  WRITEWRAP: 43,
  ZLIB: 44,
  CHECKPRIMEREQUEST: 45,
  PBKDF2REQUEST: 46,
  KEYPAIRGENREQUEST: 47,
  KEYGENREQUEST: 48,
  KEYEXPORTREQUEST: 49,
  CIPHERREQUEST: 50,
  DERIVEBITSREQUEST: 51,
  HASHREQUEST: 52,
  RANDOMBYTESREQUEST: 53,
  RANDOMPRIMEREQUEST: 54,
  SCRYPTREQUEST: 55,
  SIGNREQUEST: 56,
  TLSWRAP: 57,
  VERIFYREQUEST: 58,
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
