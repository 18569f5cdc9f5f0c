'use strict';
// Node's timers/promises: promise and async-iterator forms of the timers, with AbortSignal.

const timers = require('internal/timers');

function lazyErrors() {
  return require('internal/errors');
}

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new (lazyErrors().AbortError)(undefined, { cause: signal?.reason }));
  }
}

function validateOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') {
    throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('options.ref', 'boolean', ref);
  }
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  try {
    if (after !== undefined && typeof after !== 'number') {
      throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('delay', 'number', after);
    }
    const { signal, ref } = validateOptions(options);
    if (signal?.aborted) {
      return Promise.reject(new (lazyErrors().AbortError)(undefined, { cause: signal.reason }));
    }
    let oncancel;
    const promise = new Promise((resolve, reject) => {
      const timeout = new timers.Timeout(resolve, after, [value], false, ref);
      timers.insert(timeout, timeout._idleTimeout);
      if (signal) {
        oncancel = cancelListenerHandler.bind(timeout, timers.clearTimeout, reject, signal);
        signal.addEventListener('abort', oncancel, { once: true });
      }
    });
    return oncancel !== undefined
      ? promise.finally(() => signal.removeEventListener('abort', oncancel))
      : promise;
  } catch (err) {
    return Promise.reject(err);
  }
}

function setImmediate(value, options = {}) {
  try {
    const { signal, ref } = validateOptions(options);
    if (signal?.aborted) {
      return Promise.reject(new (lazyErrors().AbortError)(undefined, { cause: signal.reason }));
    }
    let oncancel;
    const promise = new Promise((resolve, reject) => {
      const immediate = new timers.Immediate(resolve, [value]);
      if (!ref) immediate.unref();
      if (signal) {
        oncancel = cancelListenerHandler.bind(immediate, timers.clearImmediate, reject, signal);
        signal.addEventListener('abort', oncancel, { once: true });
      }
    });
    return oncancel !== undefined
      ? promise.finally(() => signal.removeEventListener('abort', oncancel))
      : promise;
  } catch (err) {
    return Promise.reject(err);
  }
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal?.aborted) throw new (lazyErrors().AbortError)(undefined, { cause: signal.reason });
  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = new timers.Timeout(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after, undefined, true, ref);
    timers.insert(interval, interval._idleTimeout);
    if (signal) {
      onCancel = () => {
        timers.clearInterval(interval);
        if (callback) {
          callback(Promise.reject(new (lazyErrors().AbortError)(undefined,
            { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new (lazyErrors().AbortError)(undefined, { cause: signal?.reason });
  } finally {
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
