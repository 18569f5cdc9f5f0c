'use strict';
// The 'perf_hooks' module: `performance` (now, timeOrigin, eventLoopUtilization, user timing
// marks and measures, timerify, nodeTiming), PerformanceObserver for the entry types loopd
// produces ('mark', 'measure', 'function'), and HdrHistogram-backed histograms
// (monitorEventLoopDelay, createHistogram) kept on the host (internalBinding('histogram')).
// Shapes, checks and messages follow Node 20's lib/internal/perf/*.js and histogram.js.
//
// Limits: nodeTiming's start-up milestones (nodeStart, v8Start, environment,
// bootstrapComplete) are 0 and loopExit stays -1; uvMetricsInfo is zeros; resource timing is
// empty; the host histograms hold values from 1 to 3.6e12 (one hour in ns; larger ones count in
// `exceeds`) whatever createHistogram's lowest/highest/figures say, and histogram.add() is not
// supported.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const { DOMException, lazyDOMException } = require('internal/dom_exception');
const { EventTarget } = require('internal/event_target');
const { setImmediate } = require('internal/timers');

const loop = internalBinding('loop');
const hist = internalBinding('histogram');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });

function unsupportedError(what) {
  const err = new Error(`${what} is not supported by loopd`);
  err.code = 'ERR_LOOPD_UNSUPPORTED';
  return err;
}

function inspectAs(name, self, value, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(value, opts)}`;
}

// ---- time -----------------------------------------------------------------------------------

const originNanos = loop.originNanos();

/** Milliseconds since the process started, with sub-millisecond precision. */
function now() {
  return (loop.hrtime() - originNanos) / 1e6;
}

let timeOrigin;
function getTimeOrigin() {
  if (timeOrigin === undefined) timeOrigin = loop.timeOrigin();
  return timeOrigin;
}

function loopStart() {
  return loop.loopStart();
}

// ---- nodeTiming -----------------------------------------------------------------------------

const nodeTimingReadOnlyAttributes = new Set(
  ['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);

let constructing = false;

class PerformanceNodeTiming {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
    const value = (v) => ({ enumerable: true, configurable: true, value: v });
    const getter = (get) => ({ enumerable: true, configurable: true, get });
    Object.defineProperties(this, {
      name: value('node'),
      entryType: value('node'),
      startTime: value(0),
      duration: getter(now),
      nodeStart: getter(() => 0),
      v8Start: getter(() => 0),
      environment: getter(() => 0),
      loopStart: getter(loopStart),
      loopExit: getter(() => -1),
      bootstrapComplete: getter(() => 0),
      idleTime: getter(() => loop.idleTime()),
      uvMetricsInfo: getter(() => ({ loopCount: 0, events: 0, eventsWaiting: 0 })),
    });
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('PerformanceNodeTiming', this, this.toJSON(), depth, options, inspect);
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: this.startTime,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}

constructing = true;
const nodeTiming = new PerformanceNodeTiming();
constructing = false;

// ---- event loop utilization (Node's computation) ----------------------------------------------

function eventLoopUtilization(util1, util2) {
  const ls = loopStart();
  if (ls <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = loop.idleTime();
  const active = now() - ls - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return {
    idle: idleDelta,
    active: activeDelta,
    utilization: activeDelta / (idleDelta + activeDelta),
  };
}

// ---- entries --------------------------------------------------------------------------------

const kFields = Symbol('kFields');

class PerformanceEntry {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get name() {
    return fields(this, 'PerformanceEntry').name;
  }

  get entryType() {
    return fields(this, 'PerformanceEntry').entryType;
  }

  get startTime() {
    return fields(this, 'PerformanceEntry').startTime;
  }

  get duration() {
    return fields(this, 'PerformanceEntry').duration;
  }

  [kInspect](depth, options, inspect) {
    return inspectAs(this.constructor.name, this, this.toJSON(), depth, options, inspect);
  }

  toJSON() {
    fields(this, 'PerformanceEntry');
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this[kFields].detail,
    };
  }
}
for (const name of ['name', 'entryType', 'startTime', 'duration']) {
  Object.defineProperty(PerformanceEntry.prototype, name, { enumerable: true });
}

function fields(self, type) {
  const f = self !== null && typeof self === 'object' ? self[kFields] : undefined;
  if (f === undefined) throw new ERR_INVALID_THIS(type);
  return f;
}

function initEntry(self, name, entryType, startTime, duration, detail) {
  Object.defineProperty(self, kFields, {
    value: { name, entryType, startTime, duration, detail },
  });
  return self;
}

function createEntry(Class, name, entryType, startTime, duration, detail) {
  constructing = true;
  try {
    return initEntry(new Class(), name, entryType, startTime, duration, detail);
  } finally {
    constructing = false;
  }
}

const markTimings = new Map();

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (nodeTimingReadOnlyAttributes.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    options ??= kEmptyObject;
    validateObject(options, 'options');
    const startTime = options.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    markTimings.set(name, startTime);
    let detail = options.detail;
    detail = detail != null ? structuredClone(detail) : null;
    const wasConstructing = constructing;
    constructing = true;
    try {
      super();
    } finally {
      constructing = wasConstructing;
    }
    initEntry(this, name, 'mark', startTime, 0, detail);
  }

  get detail() {
    return fields(this, 'PerformanceMark').detail;
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this.detail,
    };
  }
}
Object.defineProperty(PerformanceMark.prototype, 'detail', { enumerable: true });

class PerformanceMeasure extends PerformanceEntry {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get detail() {
    return fields(this, 'PerformanceMeasure').detail;
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this.detail,
    };
  }
}
Object.defineProperty(PerformanceMeasure.prototype, 'detail', { enumerable: true });

class PerformanceResourceTiming extends PerformanceEntry {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

// ---- the user timing buffer -------------------------------------------------------------------

const markEntryBuffer = [];
const measureEntryBuffer = [];

function filterBufferMapByNameAndType(name, type) {
  let bufferList;
  if (type === 'mark') {
    bufferList = markEntryBuffer;
  } else if (type === 'measure') {
    bufferList = measureEntryBuffer;
  } else if (type === 'resource') {
    bufferList = [];
  } else if (type !== undefined) {
    return [];
  } else {
    bufferList = [...markEntryBuffer, ...measureEntryBuffer];
  }
  if (name !== undefined) {
    bufferList = bufferList.filter((entry) => entry.name === name);
  } else if (type !== undefined) {
    bufferList = bufferList.slice();
  }
  return bufferList.sort((a, b) => a.startTime - b.startTime);
}

function clearEntriesFromBuffer(buffer, name) {
  if (name === undefined) {
    buffer.length = 0;
    return;
  }
  const kept = buffer.filter((entry) => entry.name !== name);
  buffer.length = 0;
  buffer.push(...kept);
}

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (nodeTimingReadOnlyAttributes.has(name)) return nodeTiming[name];
  const ts = markTimings.get(name);
  if (ts === undefined) {
    throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  return ts;
}

function calculateStartDuration(startOrMeasureOptions, endMark) {
  if (startOrMeasureOptions === null ||
      (typeof startOrMeasureOptions === 'object' &&
       Object.keys(startOrMeasureOptions).length === 0)) {
    startOrMeasureOptions = undefined;
  }
  let start;
  let end;
  let duration;
  let optionsValid = false;
  if (typeof startOrMeasureOptions === 'object') {
    ({ start, end, duration } = startOrMeasureOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    }
    if (start === undefined && end === undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'One of options.start or options.end is required');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
  }
  if (endMark !== undefined) {
    end = getMark(endMark);
  } else if (optionsValid && end !== undefined) {
    end = getMark(end);
  } else if (optionsValid && start !== undefined && duration !== undefined) {
    end = getMark(start) + getMark(duration);
  } else {
    end = now();
  }
  if (typeof startOrMeasureOptions === 'string') {
    start = getMark(startOrMeasureOptions);
  } else if (optionsValid && start !== undefined) {
    start = getMark(start);
  } else if (optionsValid && duration !== undefined && end !== undefined) {
    start = end - getMark(duration);
  } else {
    start = 0;
  }
  duration = end - start;
  return { start, duration };
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  enqueue(entry);
  return entry;
}

function measure(name, startOrMeasureOptions, endMark) {
  validateString(name, 'name');
  const { start, duration } = calculateStartDuration(startOrMeasureOptions, endMark);
  let detail = startOrMeasureOptions?.detail;
  detail = detail != null ? structuredClone(detail) : null;
  const entry = createEntry(PerformanceMeasure, name, 'measure', start, duration, detail);
  enqueue(entry);
  return entry;
}

// ---- observers ------------------------------------------------------------------------------

const kSupportedEntryTypes = Object.freeze(
  ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);
// Entry types nothing in loopd produces: observing them would wait forever, so it fails.
const kNeverProduced = new Set(['dns', 'gc', 'http', 'http2', 'net', 'resource']);

const kBuffer = Symbol('kBuffer');
const kEntryTypes = Symbol('kEntryTypes');
const kType = Symbol('kType');
const kCallback = Symbol('kCallback');
const kTypeSingle = 0;
const kTypeMultiple = 1;

const kMaybeBuffer = Symbol('kMaybeBuffer');
const kDispatch = Symbol('kDispatch');
const kObservers = new Set();
const kPending = new Set();
let isPending = false;

function queuePending() {
  if (isPending) return;
  isPending = true;
  setImmediate(() => {
    isPending = false;
    const pendings = [...kPending];
    kPending.clear();
    for (const pending of pendings) pending[kDispatch]();
  });
}

function checkProduced(type) {
  if (kNeverProduced.has(type)) {
    throw unsupportedError(`PerformanceObserver entry type '${type}'`);
  }
}

class PerformanceObserverEntryList {
  constructor(entries) {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
    Object.defineProperty(this, kBuffer, {
      value: entries.sort((a, b) => a.startTime - b.startTime),
    });
  }

  getEntries() {
    return this[kBuffer].slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kBuffer].filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type != null) {
      type = `${type}`;
      return this[kBuffer].filter((entry) => entry.name === name && entry.entryType === type);
    }
    return this[kBuffer].filter((entry) => entry.name === name);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('PerformanceObserverEntryList', this, this[kBuffer], depth, options, inspect);
  }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    Object.defineProperties(this, {
      [kBuffer]: { value: [], writable: true },
      [kEntryTypes]: { value: new Set() },
      [kType]: { value: undefined, writable: true },
      [kCallback]: { value: callback },
    });
  }

  observe(options = kEmptyObject) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    switch (this[kType]) {
      case undefined:
        if (entryTypes !== undefined) this[kType] = kTypeMultiple;
        if (type !== undefined) this[kType] = kTypeSingle;
        break;
      case kTypeSingle:
        if (entryTypes !== undefined) {
          throw lazyDOMException('PerformanceObserver can not change to multiple observations',
            'InvalidModificationError');
        }
        break;
      case kTypeMultiple:
        if (type !== undefined) {
          throw lazyDOMException('PerformanceObserver can not change to single observation',
            'InvalidModificationError');
        }
        break;
    }
    if (this[kType] === kTypeMultiple) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      for (const t of entryTypes) checkProduced(t);
      this[kEntryTypes].clear();
      for (const t of entryTypes) {
        if (kSupportedEntryTypes.includes(t)) this[kEntryTypes].add(t);
      }
    } else {
      if (!kSupportedEntryTypes.includes(type)) return;
      checkProduced(type);
      this[kEntryTypes].add(type);
      if (buffered) {
        this[kBuffer].push(...filterBufferMapByNameAndType(undefined, type));
        kPending.add(this);
        queuePending();
      }
    }
    if (this[kEntryTypes].size) kObservers.add(this);
    else this.disconnect();
  }

  disconnect() {
    kObservers.delete(this);
    kPending.delete(this);
    this[kBuffer] = [];
    this[kEntryTypes].clear();
    this[kType] = undefined;
  }

  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this[kEntryTypes].has(entry.entryType)) return;
    this[kBuffer].push(entry);
    kPending.add(this);
    queuePending();
  }

  [kDispatch]() {
    constructing = true;
    let list;
    try {
      list = new PerformanceObserverEntryList(this.takeRecords());
    } finally {
      constructing = false;
    }
    this[kCallback](list, this);
  }
}

function enqueue(entry) {
  for (const observer of kObservers) observer[kMaybeBuffer](entry);
  if (entry.entryType === 'mark') markEntryBuffer.push(entry);
  else if (entry.entryType === 'measure') measureEntryBuffer.push(entry);
}

// ---- timerify -------------------------------------------------------------------------------

function isConstructor(fn) {
  try {
    Reflect.construct(String, [], fn);
    return true;
  } catch {
    return false;
  }
}

function processComplete(name, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
  const entry = createEntry(PerformanceEntry, name, 'function', start, duration, args);
  for (let n = 0; n < args.length; n++) entry[n] = args[n];
  enqueue(entry);
}

function timerify(fn, options = kEmptyObject) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !isRecordableHistogram(histogram)) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  const constructor = isConstructor(fn);
  function timerified(...args) {
    const isConstructorCall = new.target !== undefined;
    const start = now();
    const result = isConstructorCall ?
      Reflect.construct(fn, args, fn) :
      Reflect.apply(fn, this, args);
    if (!constructor && typeof result?.finally === 'function') {
      return result.finally(() => processComplete(fn.name, start, args, histogram));
    }
    processComplete(fn.name, start, args, histogram);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { configurable: false, enumerable: true, value: fn.length },
    name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

// ---- Performance ----------------------------------------------------------------------------

const kPerformanceBrand = Symbol('kPerformanceBrand');

function checkBrand(self) {
  if (self === null || typeof self !== 'object' || self[kPerformanceBrand] !== true) {
    throw new ERR_INVALID_ARG_TYPE('this', 'Performance', self);
  }
}

class Performance extends EventTarget {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    Object.defineProperty(this, kPerformanceBrand, { value: true });
  }

  clearMarks(name = undefined) {
    checkBrand(this);
    if (name !== undefined) {
      name = `${name}`;
      markTimings.delete(name);
    } else {
      markTimings.clear();
    }
    clearEntriesFromBuffer(markEntryBuffer, name);
  }

  clearMeasures(name = undefined) {
    checkBrand(this);
    if (name !== undefined) name = `${name}`;
    clearEntriesFromBuffer(measureEntryBuffer, name);
  }

  clearResourceTimings() {
    checkBrand(this);
  }

  getEntries() {
    checkBrand(this);
    return filterBufferMapByNameAndType();
  }

  getEntriesByName(name, type = undefined) {
    checkBrand(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return filterBufferMapByNameAndType(name, type);
  }

  getEntriesByType(type) {
    checkBrand(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return filterBufferMapByNameAndType(undefined, type);
  }

  mark(name, options) {
    checkBrand(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return mark(name, options);
  }

  measure(name, startOrMeasureOptions, endMark) {
    checkBrand(this);
    return measure(name, startOrMeasureOptions, endMark);
  }

  now() {
    checkBrand(this);
    return now();
  }

  setResourceTimingBufferSize() {
    checkBrand(this);
  }

  get timeOrigin() {
    checkBrand(this);
    return getTimeOrigin();
  }

  toJSON() {
    checkBrand(this);
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('Performance', this, {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    }, depth, options, inspect);
  }
}

let onResourceTimingBufferFull = null;
Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: { value: eventLoopUtilization, writable: true, configurable: true },
  nodeTiming: { value: nodeTiming, writable: true, configurable: true },
  markResourceTiming: {
    value: function markResourceTiming() {
      throw unsupportedError('performance.markResourceTiming()');
    },
    writable: true, configurable: true,
  },
  timerify: { value: timerify, writable: true, configurable: true },
  onresourcetimingbufferfull: {
    get() {
      return onResourceTimingBufferFull;
    },
    set(value) {
      onResourceTimingBufferFull = value;
    },
    configurable: true, enumerable: true,
  },
  [Symbol.toStringTag]: { value: 'Performance', configurable: true },
});
for (const name of ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries',
  'getEntriesByName', 'getEntriesByType', 'mark', 'measure', 'now',
  'setResourceTimingBufferSize', 'timeOrigin', 'toJSON']) {
  Object.defineProperty(Performance.prototype, name, { enumerable: true });
}

constructing = true;
const performance = new Performance();
constructing = false;

// ---- histograms -----------------------------------------------------------------------------

const kId = Symbol('kId');
const kMap = Symbol('kMap');
const kRecordable = Symbol('kRecordable');
const kEnabled = Symbol('kEnabled');
const kInterval = Symbol('kInterval');
const kResolution = Symbol('kResolution');
const INT64_MAX = 9223372036854775807n;

// Node's percentiles map is a primordials SafeMap: it inspects as `SafeMap(n) [Map] {...}`.
class SafeMap extends Map {}

const registry = typeof FinalizationRegistry === 'function' ?
  new FinalizationRegistry((id) => hist.destroy(id)) : undefined;

function handle(self) {
  const id = self !== null && typeof self === 'object' ? self[kId] : undefined;
  if (id === undefined) throw new ERR_INVALID_THIS('Histogram');
  return id;
}

function stats(self) {
  return hist.stats(handle(self));
}

function initHistogram(self, id) {
  Object.defineProperties(self, {
    [kId]: { value: id },
    [kMap]: { value: new SafeMap() },
  });
  registry?.register(self, id);
}

// The host keeps a Java HdrHistogram (lowest 1, 3 significant digits); Node keeps the C one.
// They differ in two details, undone here:
// - C picks the value at count floor(p / 100 * n + 0.5) (at least 1), Java at ceil(p / 100 * n):
//   ask Java for the percentile that lands on C's count;
// - Node's percentiles map holds the lowest value of each bucket, Java reports the highest.
function hostPercentile(percentile, count) {
  const atCount = Math.max(1, Math.trunc((percentile / 100) * count + 0.5));
  return Math.min(100, (100 * atCount) / count);
}

function lowestEquivalent(value) {
  if (value < 2048) return value; // unit resolution below 2 * 10^3 rounded up to a power of 2
  let magnitude = Math.floor(Math.log2(value));
  if (2 ** magnitude > value) magnitude--;
  else if (2 ** (magnitude + 1) <= value) magnitude++;
  const bucketSize = 2 ** (magnitude - 10);
  return value - (value % bucketSize);
}

function checkPercentile(percentile) {
  validateNumber(percentile, 'percentile');
  if (!(percentile > 0 && percentile <= 100)) {
    throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
  }
}

class Histogram {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get count() {
    return stats(this)[4];
  }

  get countBigInt() {
    return BigInt(stats(this)[4]);
  }

  get min() {
    return stats(this)[0];
  }

  get minBigInt() {
    const s = stats(this);
    return s[4] === 0 ? INT64_MAX : BigInt(s[0]);
  }

  get max() {
    return stats(this)[1];
  }

  get maxBigInt() {
    return BigInt(stats(this)[1]);
  }

  get mean() {
    return stats(this)[2];
  }

  get exceeds() {
    return stats(this)[5];
  }

  get exceedsBigInt() {
    return BigInt(stats(this)[5]);
  }

  get stddev() {
    return stats(this)[3];
  }

  percentile(percentile) {
    const id = handle(this);
    checkPercentile(percentile);
    const count = hist.stats(id)[4];
    // Node's event loop delay histogram (HdrHistogram with a unit magnitude of 9) answers 511
    // for every percentile while it is empty.
    if (count === 0) return this[kInterval] === true ? 511 : 0;
    return hist.percentile(id, hostPercentile(percentile, count));
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    const map = this[kMap];
    const flat = hist.percentiles(handle(this));
    map.clear();
    for (let i = 0; i + 1 < flat.length; i += 2) map.set(flat[i], lowestEquivalent(flat[i + 1]));
    return map;
  }

  get percentilesBigInt() {
    const map = new Map();
    for (const [k, v] of this.percentiles) map.set(k, BigInt(v));
    return map;
  }

  reset() {
    hist.reset(handle(this));
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('Histogram', this, {
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, depth, options, inspect);
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

class RecordableHistogram extends Histogram {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  record(val) {
    if (this[kRecordable] === undefined) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (typeof val === 'bigint') {
      if (val < 1n || val > INT64_MAX) {
        throw Object.assign(new RangeError('value is out of range'), { code: 'ERR_OUT_OF_RANGE' });
      }
      hist.record(this[kId], Number(val));
      return;
    }
    validateInteger(val, 'val', 1);
    hist.record(this[kId], val);
  }

  recordDelta() {
    if (this[kRecordable] === undefined) throw new ERR_INVALID_THIS('RecordableHistogram');
    hist.recordDelta(this[kId]);
  }

  add(other) {
    if (this[kRecordable] === undefined) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (!isRecordableHistogram(other)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    throw unsupportedError('RecordableHistogram.add()');
  }
}

function isRecordableHistogram(value) {
  return value !== null && typeof value === 'object' && value[kRecordable] === true;
}

// Node's name for the event loop delay histogram class (documented as IntervalHistogram).
class ELDHistogram extends Histogram {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  enable() {
    if (this[kInterval] !== true) throw new ERR_INVALID_THIS('ELDHistogram');
    if (this[kEnabled]) return false;
    this[kEnabled] = true;
    hist.startDelayMonitor(this[kId], this[kResolution]);
    return true;
  }

  disable() {
    if (this[kInterval] !== true) throw new ERR_INVALID_THIS('ELDHistogram');
    if (!this[kEnabled]) return false;
    this[kEnabled] = false;
    hist.stopDelayMonitor(this[kId]);
    return true;
  }
}

function monitorEventLoopDelay(options = kEmptyObject) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return Reflect.construct(function() {
    initHistogram(this, hist.create());
    Object.defineProperties(this, {
      [kInterval]: { value: true },
      [kResolution]: { value: resolution },
      [kEnabled]: { value: false, writable: true },
    });
  }, [], ELDHistogram);
}

function createHistogram(options = kEmptyObject) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') {
    validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  }
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * Number(lowest), Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * BigInt(lowest)) {
    const RangeVariant = ERR_INVALID_ARG_VALUE.RangeError ?? ERR_INVALID_ARG_VALUE;
    throw new RangeVariant('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  return Reflect.construct(function() {
    initHistogram(this, hist.create());
    Object.defineProperty(this, kRecordable, { value: true });
  }, [], RecordableHistogram);
}

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
};

Object.defineProperty(module.exports, 'constants', {
  configurable: false, enumerable: true, value: constants,
});
