'use strict';
// Carries the async context (what AsyncLocalStorage stores) across the loop's own scheduling:
// nextTick, timers, immediates and pool callbacks capture a snapshot when scheduled and run in it.
// Promise continuations are carried by GraalJS itself (the AsyncContext proposal).
//
// Capturing costs an allocation, so it starts only once an AsyncLocalStorage exists.

let active = false;
let wrapCapture = null;

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

function runIn(snapshot, callback, args, thisArg) {
  if (snapshot === undefined) {
    return args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args);
  }
  return snapshot.run(() =>
    args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args));
}

module.exports = { activate, capture, runIn };
