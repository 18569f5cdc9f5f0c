'use strict';
// Carries the async context (what AsyncLocalStorage stores) across the loop's own scheduling:
// nextTick, timers, immediates and pool callbacks capture a snapshot when scheduled and run in it.
// Promise continuations are carried by GraalJS itself (the AsyncContext proposal).
//
// Capturing costs an allocation, so it starts only once an AsyncLocalStorage exists.

let active = false;

function activate() {
  active = true;
}

function capture() {
  return active ? new AsyncContext.Snapshot() : undefined;
}

function runIn(snapshot, callback, args, thisArg) {
  if (snapshot === undefined) {
    return args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args);
  }
  return snapshot.run(() =>
    args === undefined ? callback.call(thisArg) : callback.apply(thisArg, args));
}

module.exports = { activate, capture, runIn };
