'use strict';
// Carries the async context (what AsyncLocalStorage stores) across the loop's own scheduling:
// nextTick, timers, immediates and pool callbacks capture a snapshot when scheduled and run in it.
// Promise continuations are carried by GraalJS itself (the AsyncContext proposal).
//
// Capturing costs an allocation, so it starts only once an AsyncLocalStorage exists.

let active = false;
let wrapCapture = null;
// Set in handler contexts (internal/handler): tag an error with the invocation it came from, and
// note which invocation was running when the watchdog interrupted the context.
let tagError = null;
let noteInterrupted = null;

function snapshot() {
  return new AsyncContext.Snapshot();
}

/**
 * Starts capturing. `wrap(snapshot)`, if given, runs around every capture: AsyncLocalStorage uses
 * it to give each scheduled callback store slots of its own (see async_hooks).
 */
function activate(wrap) {
  active = true;
  if (wrap) wrapCapture = wrap;
}

function capture() {
  if (!active) return undefined;
  return wrapCapture === null ? snapshot() : wrapCapture(snapshot);
}

function setErrorHooks(onError, onInterrupt) {
  tagError = onError;
  noteInterrupted = onInterrupt;
}

function runIn(snapshot, callback, args, thisArg) {
  if (snapshot === undefined) {
    return args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args);
  }
  if (tagError === null) {
    return snapshot.run(() =>
      args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args));
  }
  return snapshot.run(() => {
    let ok = false;
    try {
      const result = args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args);
      ok = true;
      return result;
    } catch (err) {
      ok = true;
      tagError(err);
      throw err;
    } finally {
      // Neither returned nor threw: the watchdog interrupted it (only finally blocks run then).
      if (!ok) noteInterrupted();
    }
  });
}

module.exports = { activate, capture, runIn, setErrorHooks };
