'use strict';
// process.nextTick, queueMicrotask and promise rejection tracking, as Node's
// lib/internal/process/task_queues.js and promises.js.
//
// Draining works with GraalJS's job queue: promise jobs run when the outermost call from Java into
// JavaScript returns. So every callback the loop runs ends by draining the nextTick queue here;
// its promise jobs then run as the call returns; and if those scheduled more ticks, the loop calls
// runTicks() again (setTickScheduled tells it), until both queues are empty: the order of Node's
// processTicksAndRejections.

const { setTickScheduled, setRejectionPending, fatal, taskFailed } = internalBinding('loop');
const asyncContext = require('internal/async_context');

let queue = [];
let head = 0;
let tickScheduled = false;

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (globalThis.process._exiting) return;
  if (!tickScheduled) {
    tickScheduled = true;
    setTickScheduled(true);
  }
  queue.push({
    callback,
    args: args.length === 0 ? undefined : args,
    context: asyncContext.capture(),
  });
}

function runTicks() {
  while (head < queue.length) {
    const tock = queue[head];
    queue[head++] = undefined;
    const { callback, args, context } = tock;
    if (context === undefined) {
      if (args === undefined) callback(); else callback(...args);
    } else {
      asyncContext.runIn(context, callback, args);
    }
  }
  queue = [];
  head = 0;
  tickScheduled = false;
  setTickScheduled(false);
}

/**
 * Wraps an entry point the loop calls: the callback, then the nextTick queue, in one call.
 *
 * An exception is handled here, inside the same call, as Node's triggerUncaughtException: a fatal
 * one ends the process before GraalJS would run the promise jobs of the failed callback; a handled
 * one skips this callback's drain, as Node's failed callback scope does, and tells the loop so
 * (its ticks run after the next callback, or at the next check phase). `failed` is what the
 * entry returns then, e.g. "call again" for processTimers.
 */
function entry(fn, failed) {
  // Fixed parameters, not rest and spread: this runs for every task, and the wrapped functions
  // take at most eight arguments (none reads `arguments`).
  return function(a, b, c, d, e, f, g, h) {
    let result;
    try {
      result = fn(a, b, c, d, e, f, g, h);
    } catch (err) {
      reportUncaught(err);
      taskFailed();
      return failed;
    }
    if (tickScheduled) drainTicksReporting();
    return result;
  };
}

/**
 * Drains the nextTick queue; an exception in a tick is reported and the remaining ticks still
 * run in this drain. (Node defers them to the next callback scope, which is the same place unless
 * a timer is already due: GraalJS would run the promise jobs in between anyway.)
 */
function drainTicksReporting() {
  while (tickScheduled) {
    try {
      runTicks();
    } catch (err) {
      reportUncaught(err);
    }
  }
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  // A resolved promise's job runs in the same queue, in the same order, as V8's microtasks. An
  // error thrown by the callback is an uncaught exception (not a rejection), as in Node.
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      reportUncaught(err);
    }
  });
}

// ---- uncaught exceptions and unhandled rejections ---------------------------------------------

let pendingRejections = [];

function onUnhandledRejection(reason, promise) {
  pendingRejections.push({ reason, promise });
  setRejectionPending(true);
}

function runRejections() {
  const pending = pendingRejections;
  pendingRejections = [];
  for (const { reason, promise } of pending) {
    const process = globalThis.process;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    // Node's default mode, 'throw': the rejection becomes an uncaught exception.
    const err = isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
    if (!handleUncaught(err, true)) fatal(err);
  }
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'stack');
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    let shown;
    try {
      shown = require('util').inspect(reason);
    } catch {
      shown = String(reason);
    }
    super('This error originated either by throwing inside of an async function without a ' +
      'catch block, or by rejecting a promise which was not handled with .catch(). The promise ' +
      `rejected with the reason "${shown}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }

  get name() {
    return 'UnhandledPromiseRejection';
  }
}

/** Node's triggerUncaughtException: true when an 'uncaughtException' listener took it. */
function handleUncaught(err, fromPromise) {
  const process = globalThis.process;
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (process.listenerCount('uncaughtException') === 0) return false;
  process.emit('uncaughtException', err, origin);
  // As Node: make sure the next check phase comes, so ticks left behind by the failed callback
  // still run even if nothing else is scheduled.
  require('internal/timers').setImmediate(noop);
  return true;
}

function noop() {}

function reportUncaught(err) {
  if (!handleUncaught(err, false)) fatal(err);
}

/** What Node prints for an uncaught error: util.inspect of it (its stack and extra properties). */
function formatFatal(err) {
  try {
    const text = require('util').inspect(err);
    const where = err !== null && typeof err === 'object'
      ? err[Symbol.for('loopd.arrowMessage')] : undefined;
    if (typeof where === 'string') return where + text;
    if (err instanceof Error) return text;
    return `Uncaught ${text}`;
  } catch {
    try {
      return String(err && err.stack ? err.stack : err);
    } catch {
      return '[unprintable error]';
    }
  }
}

module.exports = {
  nextTick,
  runTicks,
  drainTicksReporting,
  entry,
  queueMicrotask,
  onUnhandledRejection,
  runRejections,
  handleUncaught,
  reportUncaught,
  formatFatal,
};
