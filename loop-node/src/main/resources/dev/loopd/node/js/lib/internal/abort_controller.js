'use strict';

// AbortController / AbortSignal as in node v20: AbortSignal is an
// EventTarget that cannot be constructed directly; signals come from a
// controller or from AbortSignal.abort(), AbortSignal.timeout() (an unref'd
// timer, so it never keeps the loop alive) and AbortSignal.any(). Signals are
// not transferable to workers in loop-node.

const {
  defineEventHandler,
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');

let errorsModule;
function codes() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule.codes;
}
let validatorsModule;
function validators() {
  if (validatorsModule === undefined) validatorsModule = require('internal/validators');
  return validatorsModule;
}
let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = Object.freeze({ __proto__: null, enumerable: true });

const hasWeakRef = typeof WeakRef === 'function';
function weakRef(value) {
  return hasWeakRef ? new WeakRef(value) : { deref: () => value };
}

// Signals whose timer is pending and that have abort listeners are kept
// alive here, so those listeners still run.
const gcPersistentSignals = new Set();
const clearTimeoutRegistry = typeof FinalizationRegistry === 'function' ?
  new FinalizationRegistry((timeout) => globalThis.clearTimeout(timeout)) :
  null;

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new (codes().ERR_INVALID_THIS)('AbortSignal');
}

function validateAbortSignalArray(value, name) {
  validators().validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    const signal = value[i];
    const indexedName = `${name}[${i}]`;
    if (signal == null) throw new (codes().ERR_INVALID_ARG_TYPE)(indexedName, 'AbortSignal', signal);
    validators().validateAbortSignal(signal, indexedName);
  }
}

// The timer holds the signal weakly and is unref'd: a timeout signal never
// keeps the process alive, and a collected signal clears its timer.
function setWeakAbortSignalTimeout(ref, delay) {
  const timeout = globalThis.setTimeout(() => {
    const signal = ref.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  if (timeout && typeof timeout.unref === 'function') timeout.unref();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor() {
    throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validators().validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    const timeout = setWeakAbortSignalTimeout(weakRef(signal), delay);
    clearTimeoutRegistry?.register(signal, timeout);
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const resultSignal = createAbortSignal({ composite: true });
    if (!signals.length) return resultSignal;
    const resultSignalWeakRef = weakRef(resultSignal);
    resultSignal[kSourceSignals] = new Set();
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
      signal[kDependantSignals] ??= new Set();
      if (!signal[kComposite]) {
        resultSignal[kSourceSignals].add(weakRef(signal));
        signal[kDependantSignals].add(resultSignalWeakRef);
      } else if (!signal[kSourceSignals]) {
        continue;
      } else {
        for (const sourceSignal of signal[kSourceSignals]) {
          const sourceSignalRef = sourceSignal.deref();
          if (!sourceSignalRef) continue;
          if (resultSignal[kSourceSignals].has(sourceSignal)) continue;
          resultSignal[kSourceSignals].add(sourceSignal);
          sourceSignalRef[kDependantSignals].add(resultSignalWeakRef);
        }
      }
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const isTimeoutOrNonEmptyCompositeSignal = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (isTimeoutOrNonEmptyCompositeSignal && type === 'abort' && !this.aborted && !weak && size === 1) {
      // Keep the signal (and so its listener) alive while the timer or the
      // sources may still abort it.
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    const isTimeoutOrNonEmptyCompositeSignal = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (isTimeoutOrNonEmptyCompositeSignal && type === 'abort' && size === 0) {
      gcPersistentSignals.delete(this);
    }
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
});

Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});

defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = kEmptyObject) {
  const {
    aborted = false,
    reason = undefined,
    composite = false,
  } = init;
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', {
    [kTrustEvent]: true,
  });
  signal.dispatchEvent(event);
  signal[kDependantSignals]?.forEach((s) => {
    const signalRef = s.deref();
    if (signalRef) abortSignal(signalRef, reason);
  });
}

class AbortController {
  #signal;

  get signal() {
    this.#signal ??= createAbortSignal();
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal ??= createAbortSignal(), reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// Without workers there is nothing to transfer to: these return usable
// (non-transferable) objects.
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  }
  return signal;
}

function transferableAbortController() {
  return new AbortController();
}

// util.aborted(signal, resource): resolves once `signal` aborts, for as long
// as `resource` is alive.
async function aborted(signal, resource) {
  if (signal === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  validators().validateAbortSignal(signal, 'signal');
  const t = typeof resource;
  if (resource === null || (t !== 'object' && t !== 'function')) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('resource', 'Object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  let resolve;
  const promise = new Promise((res) => { resolve = res; });
  const opts = { __proto__: null, [kWeakHandler]: resource, once: true, [kResistStopPropagation]: true };
  signal.addEventListener('abort', resolve, opts);
  return promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
};
