'use strict';
// Timers and immediates: a port of Node's lib/internal/timers.js and lib/timers.js data
// structures, so ordering follows Node's exactly: one list per duration, lists in a priority queue
// by expiry (then list id), timers in a list in insertion order, and one host timer for them all.
//
// One difference of shape: Node's processTimers/processImmediate run every due callback in one
// call and drain microtasks in between. GraalJS drains promise jobs only when the call from Java
// returns, so here each call runs at most one callback and the Java loop calls again (RAN_ONE).

const {
  now: getLibuvNow,
  scheduleTimer,
  toggleTimerRef,
  setImmediatePending,
  toggleImmediateRef,
} = internalBinding('loop');
const asyncContext = require('internal/async_context');
const { PriorityQueue } = require('internal/priority_queue');
const L = require('internal/linkedlist');

const RAN_ONE = Infinity;
const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kTimerId = Symbol('asyncId');
const kContext = Symbol('kContext');

let timerListId = Number.MIN_SAFE_INTEGER;
let nextTimerId = 2;
let refCount = 0;
let nextExpiry = Infinity;
const timerListMap = { __proto__: null };
const knownTimersById = { __proto__: null };
const timerListQueue = new PriorityQueue(compareTimersLists, setPosition);

function compareTimersLists(a, b) {
  const expiryDiff = a.expiry - b.expiry;
  if (expiryDiff === 0) {
    if (a.id < b.id) return -1;
    if (a.id > b.id) return 1;
  }
  return expiryDiff;
}

function setPosition(node, pos) {
  node.priorityQueuePosition = pos;
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

function emitWarning(message, type) {
  globalThis.process.emitWarning(message, type);
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1; // coalesce to a number or NaN
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1; // as browsers do
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kTimerId] = nextTimerId++;
    Object.defineProperty(this, kContext, { value: asyncContext.capture(), writable: true });
  }

  refresh() {
    if (this[kRefed]) active(this); else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[kTimerId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }
}

class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this; // a circular doubly linked list
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[kTimerId]) {
    item._destroyed = false;
    item[kTimerId] = nextTimerId++;
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount(); else decRefCount();
  }
  item[kRefed] = refed;
}

function insert(item, msecs, start = getLibuvNow()) {
  msecs = Math.trunc(msecs); // sub-millisecond accuracy is not promised
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    timerListQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  L.append(list, item);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[kTimerId]];
  L.remove(item);
  const list = timerListMap[Math.trunc(item._idleTimeout)];
  if (list !== undefined && L.isEmpty(list)) {
    timerListQueue.removeAt(list.priorityQueuePosition);
    delete timerListMap[list.msecs];
  }
  if (item[kRefed]) decRefCount();
  item._idleTimeout = -1;
}

/** Node's processTimers, one callback per call: RAN_ONE, or the next expiry (negative: unref'd). */
function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  while ((list = timerListQueue.peek()) != null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (runOneFromList(list, now)) return RAN_ONE;
  }
  return 0;
}

function runOneFromList(list, now) {
  const msecs = list.msecs;
  let timer;
  while ((timer = L.peek(list)) != null) {
    const diff = now - timer._idleStart;
    // Too early for this timer: the rest of the list is later still.
    if (diff < msecs) {
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      timerListQueue.percolateDown(1);
      return false;
    }
    L.remove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    try {
      asyncContext.runIn(timer[kContext], timer._onTimeout, timer._timerArgs, timer);
    } finally {
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[timer[kTimerId]];
        if (timer[kRefed]) refCount--;
      }
    }
    return true;
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    timerListQueue.shift();
  }
  return false;
}

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, after, args.length === 0 ? undefined : args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, repeat, args.length === 0 ? undefined : args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

function clearInterval(timer) {
  // Timeouts and intervals are interchangeable, as in browsers and Node.
  clearTimeout(timer);
}

// ---- immediates -----------------------------------------------------------------------------

class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }

  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }

  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
// The check phase's snapshot; it survives an exception so the rest still runs, as in Node.
const outstandingQueue = new ImmediateList();
let immediateCount = 0;
let immediateRefCount = 0;
let inSnapshot = false;
let prevImmediate = null;

function countImmediate(delta) {
  const before = immediateCount;
  immediateCount += delta;
  if (before === 0 && immediateCount > 0) setImmediatePending(true);
  else if (before > 0 && immediateCount === 0) setImmediatePending(false);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[kTimerId] = nextTimerId++;
    Object.defineProperty(this, kContext, { value: asyncContext.capture(), writable: true });
    this.ref();
    countImmediate(1);
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateRefCount++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateRefCount === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length === 0 ? undefined : args);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  countImmediate(-1);
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateRefCount === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
}

/**
 * Runs the next immediate of this check phase's snapshot (immediates set meanwhile wait for the
 * next iteration). Returns whether the snapshot may hold more.
 */
function processImmediate() {
  if (!inSnapshot) {
    if (outstandingQueue.head === null) {
      outstandingQueue.head = immediateQueue.head;
      outstandingQueue.tail = immediateQueue.tail;
      immediateQueue.head = immediateQueue.tail = null;
    }
    inSnapshot = true;
    prevImmediate = null;
  }
  let immediate = outstandingQueue.head;
  // One may have been cleared while the previous one's ticks ran.
  while (immediate !== null && immediate._destroyed) {
    immediate = prevImmediate !== null ? prevImmediate._idleNext : immediate._idleNext;
    if (immediate !== null && immediate === outstandingQueue.head) break;
    outstandingQueue.head = immediate;
  }
  if (immediate === null || immediate._destroyed) {
    outstandingQueue.head = outstandingQueue.tail = null;
    inSnapshot = false;
    return false;
  }
  immediate._destroyed = true;
  countImmediate(-1);
  if (immediate[kRefed] && --immediateRefCount === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  prevImmediate = immediate;
  try {
    asyncContext.runIn(immediate[kContext], immediate._onImmediate, immediate._argv, immediate);
  } finally {
    immediate._onImmediate = null;
    outstandingQueue.head = immediate._idleNext;
  }
  if (outstandingQueue.head === null) {
    outstandingQueue.tail = null;
    inSnapshot = false;
    return false;
  }
  return true;
}

// util.promisify(setTimeout) and util.promisify(setImmediate) give the timers/promises forms.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: false,
    configurable: true,
    get() {
      return require('timers/promises')[name];
    },
  });
}

module.exports = {
  Timeout,
  Immediate,
  TIMEOUT_MAX,
  kRefed,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
  active,
  unrefActive,
  insert,
  unenroll,
  processTimers,
  processImmediate,
};
