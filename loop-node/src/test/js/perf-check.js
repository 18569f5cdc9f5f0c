'use strict';
// perf_hooks conformance: prints deterministic lines; `node perf-check.js` and
// `bin/loop-node run perf-check.js` must print the same. Timing values are checked for
// plausibility only; histogram statistics are compared exactly on recorded values.
const ph = require('perf_hooks');
const { performance, PerformanceObserver } = ph;

function log(...args) {
  console.log(args.map(String).join(' '));
}
function show(label, f) {
  try {
    log(label, '=>', fmt(f()));
  } catch (e) {
    log(label, 'throws', e.name, e.code, JSON.stringify(e.message),
      String(e.stack).split('\n')[0]);
  }
}
function fmt(v) {
  if (Object.prototype.toString.call(v) === '[object Map]') return `Map{${[...v].map(([k, x]) => `${k}=>${fmt(x)}`).join(', ')}}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v, (k, x) => typeof x === 'bigint' ? `${x}n` : x);
  return String(v);
}
function protoNames(o) {
  return Object.getOwnPropertyNames(Object.getPrototypeOf(o)).join();
}

// ---- module shape ----
log('exports', Object.keys(ph).join());
log('performance', performance.constructor.name, Object.prototype.toString.call(performance),
  performance === globalThis.performance, performance instanceof EventTarget);
log('Performance.prototype', protoNames(performance));
log('descriptors', Object.getOwnPropertyNames(Object.getPrototypeOf(performance)).map((k) => {
  const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(performance), k);
  return `${k}:${d.enumerable}${d.writable}${typeof d.get}`;
}).join());
log('own keys', Object.keys(performance).length, Object.getOwnPropertyNames(performance).length);
for (const k of ['now', 'mark', 'getEntries', 'toJSON', 'clearMarks', 'setResourceTimingBufferSize']) {
  show(`unbound ${k}`, () => performance[k].call(undefined, 'x'));
}
show('unbound eventLoopUtilization', () => Object.keys(performance.eventLoopUtilization.call(undefined)).join());
show('timeOrigin on {}', () => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(performance),
  'timeOrigin').get.call({}));
log('constants', fmt(ph.constants));
log('supportedEntryTypes', PerformanceObserver.supportedEntryTypes.join());
log('nodeTiming', performance.nodeTiming.constructor.name, Object.keys(performance.nodeTiming).join(),
  performance.nodeTiming.name, performance.nodeTiming.entryType, performance.nodeTiming.startTime,
  performance.nodeTiming.loopStart, performance.nodeTiming.loopExit);
log('toJSON', Object.keys(performance.toJSON()).join());
for (const C of ['Performance', 'PerformanceEntry', 'PerformanceMeasure', 'PerformanceResourceTiming',
  'PerformanceObserverEntryList']) {
  show(`new ${C}`, () => new ph[C]());
}

// ---- time ----
const t0 = performance.now();
let spin = 0;
for (let i = 0; i < 1e5; i++) spin += i;
const t1 = performance.now();
log('now', typeof t0, t0 > 0, t1 >= t0, t0 < 60000, spin > 0);
log('timeOrigin', typeof performance.timeOrigin,
  Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 100,
  performance.timeOrigin === performance.timeOrigin);
log('nodeTiming.duration', Math.abs(performance.nodeTiming.duration - performance.now()) < 50);
log('elu before the loop', fmt(performance.eventLoopUtilization()));
log('elu(u1, u2) before the loop',
  fmt(performance.eventLoopUtilization({ idle: 10, active: 5 }, { idle: 4, active: 1 })));

// ---- user timing ----
show('mark', () => {
  const m = performance.mark('a', { startTime: 5, detail: { x: [1, 2] } });
  return `${m.constructor.name} ${m.name} ${m.entryType} ${m.startTime} ${m.duration} ` +
    `${JSON.stringify(m.detail)} ${JSON.stringify(m.toJSON())} ${Object.keys(m)} ${protoNames(m)}`;
});
show('mark default time', () => {
  const before = performance.now();
  const m = performance.mark('b');
  return m.startTime >= before && m.startTime <= performance.now() && m.detail === null;
});
performance.mark('c', { startTime: 20 });
show('measure between marks', () => {
  const m = performance.measure('m1', 'a', 'c');
  return `${m.constructor.name} ${m.entryType} ${m.startTime} ${m.duration} ${m.detail} ${protoNames(m)}`;
});
show('measure options start/end', () => fmt(performance.measure('m2', { start: 1, end: 3, detail: 'd' }).toJSON()));
show('measure start+duration', () => fmt(performance.measure('m3', { start: 1, duration: 3 }).toJSON()));
show('measure end+duration', () => fmt(performance.measure('m4', { end: 10, duration: 3 }).toJSON()));
show('measure mark names in options', () => fmt(performance.measure('m5', { start: 'a', end: 'c' }).toJSON()));
show('measure from loopStart', () => performance.measure('m6', 'loopStart', 'c').startTime);
show('measure number start ignored', () => performance.measure('m7', 5, 'c').startTime);
show('measure no start', () => performance.measure('m8', undefined, 'c').toJSON().startTime);
show('new PerformanceMark', () => {
  const m = new ph.PerformanceMark('free', { startTime: 2 });
  return `${m.name} ${performance.getEntriesByName('free').length} ${performance.measure('m9', 'free', 'c').duration}`;
});
show('getEntries', () => performance.getEntries().map((e) => `${e.name}:${e.entryType}:${e.startTime}`).join(' ')
  .replace(/b:mark:[\d.]+/, 'b:mark:T'));
show('getEntriesByType mark', () => performance.getEntriesByType('mark').map((e) => e.name).join());
show('getEntriesByType bogus', () => performance.getEntriesByType('bogus').length);
show('getEntriesByName m2', () => performance.getEntriesByName('m2').length);
show('getEntriesByName m2 mark', () => performance.getEntriesByName('m2', 'mark').length);
show('clearMeasures m1', () => {
  performance.clearMeasures('m1');
  return performance.getEntriesByType('measure').map((e) => e.name).join();
});
show('clearMarks a', () => {
  performance.clearMarks('a');
  return performance.getEntriesByType('mark').map((e) => e.name).join();
});
show('measure from cleared mark', () => performance.measure('x', 'a'));
show('clearMarks', () => {
  performance.clearMarks();
  performance.clearMeasures();
  return performance.getEntries().length;
});
show('mark()', () => performance.mark());
show('mark negative', () => performance.mark('x', { startTime: -1 }));
show('mark bad startTime', () => performance.mark('x', { startTime: 'a' }));
show('mark reserved', () => performance.mark('nodeStart'));
show('mark options 5', () => performance.mark('x', 5));
show('mark options null', () => performance.mark('x', null).name);
show('measure unknown mark', () => performance.measure('m', 'nope'));
show('measure name 5', () => performance.measure(5));
show('measure endMark with options', () => performance.measure('m', { start: 'c' }, 'c'));
show('measure all three', () => performance.measure('m', { start: 1, end: 3, duration: 2 }));
show('measure negative', () => performance.measure('m', { start: -1 }));
show('getEntriesByName()', () => performance.getEntriesByName());
show('getEntriesByType()', () => performance.getEntriesByType());
performance.clearMarks();
performance.clearMeasures();

// ---- timerify ----
function add(a, b) {
  return a + b;
}
const timed = performance.timerify(add);
log('timerify', timed.name, timed.length, timed(1, 2), performance.timerify(add) === timed);
class Point {
  constructor(x) {
    this.x = x;
  }
}
const TimedPoint = performance.timerify(Point);
log('timerify class', new TimedPoint(3).x, new TimedPoint(4) instanceof Point);
show('timerify(5)', () => performance.timerify(5));
show('timerify bad histogram', () => performance.timerify(add, { histogram: {} }));
const th = ph.createHistogram();
const timedWithHist = performance.timerify(function work() {
  return 1;
}, { histogram: th });
timedWithHist();
timedWithHist();
log('timerify histogram count', th.count);

// ---- observers ----
show('observer no callback', () => new PerformanceObserver(5));
const events = [];
const obs = new PerformanceObserver((list, observer) => {
  events.push(`obs ${observer === obs} ${list.constructor.name} ` +
    list.getEntries().map((e) => `${e.name}:${e.entryType}`).join(',') +
    ` marks=${list.getEntriesByType('mark').length} o1=${list.getEntriesByName('o1').length}` +
    ` o1mark=${list.getEntriesByName('o1', 'mark').length}`);
});
show('observe()', () => obs.observe());
show('observe both', () => obs.observe({ entryTypes: ['mark'], type: 'mark' }));
show('observe entryTypes string', () => obs.observe({ entryTypes: 'mark' }));
show('observe', () => obs.observe({ entryTypes: ['mark', 'measure', 'function', 'bogus'] }));
show('observe type after entryTypes', () => obs.observe({ type: 'mark' }));
const obs2 = new PerformanceObserver((list) => {
  events.push(`obs2 ${list.getEntries().map((e) => e.name).join(',')}`);
});
performance.mark('o1', { startTime: 1 });
performance.mark('o2', { startTime: 3 });
performance.measure('o3', 'o1', 'o2');
timed(2, 3);
obs2.observe({ type: 'mark', buffered: true });
const obs3 = new PerformanceObserver(() => events.push('obs3 (disconnected) called'));
obs3.observe({ type: 'measure' });
obs3.disconnect();
show('takeRecords', () => {
  const o = new PerformanceObserver(() => events.push('takeRecords observer called'));
  o.observe({ entryTypes: ['mark'] });
  performance.mark('t1', { startTime: 9 });
  const records = o.takeRecords().map((e) => e.name).join();
  o.disconnect();
  return records;
});
process.nextTick(() => events.push('tick'));
setImmediate(() => events.push('immediate'));
events.push('sync');

// ---- histograms ----
const r = ph.createHistogram();
log('RecordableHistogram', r.constructor.name, protoNames(r),
  Object.getPrototypeOf(Object.getPrototypeOf(r)).constructor.name,
  protoNames(Object.getPrototypeOf(r)));
function histLine(label, h) {
  log(label, h.count, h.min, h.max, h.mean, h.stddev, h.exceeds, fmt(h.countBigInt),
    fmt(h.minBigInt), fmt(h.maxBigInt), fmt(h.exceedsBigInt), fmt(h.percentiles));
}
histLine('empty', r);
show('empty percentile(50)', () => r.percentile(50));
show('empty toJSON', () => r.toJSON());
for (const v of [5, 10n, 20, 1000, 1234567, 99999999, 2 ** 40]) r.record(v);
histLine('recorded', r);
for (const p of [0.1, 1, 25, 50, 75, 90, 99, 99.9, 100]) {
  show(`percentile(${p})`, () => `${r.percentile(p)} ${fmt(r.percentileBigInt(p))}`);
}
show('percentilesBigInt', () => r.percentilesBigInt);
show('toJSON', () => r.toJSON());
show('record(0)', () => r.record(0));
show('record(1.5)', () => r.record(1.5));
show('record("1")', () => r.record('1'));
show('record(0n)', () => r.record(0n));
show('record(-1n)', () => r.record(-1n));
show('percentile(0)', () => r.percentile(0));
show('percentile(101)', () => r.percentile(101));
show('percentile("a")', () => r.percentile('a'));
show('add(5)', () => r.add(5));
r.reset();
histLine('reset', r);
const d = ph.createHistogram();
d.recordDelta();
log('recordDelta first', d.count);
d.recordDelta();
log('recordDelta second', d.count, d.min > 0);
show('createHistogram lowest 0', () => ph.createHistogram({ lowest: 0 }));
show('createHistogram highest 1', () => ph.createHistogram({ highest: 1 }));
show('createHistogram figures 6', () => ph.createHistogram({ figures: 6 }));
show('createHistogram 5', () => ph.createHistogram(5));
show('getter on wrong this', () => Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Object.getPrototypeOf(r)), 'count').get.call({}));

const h = ph.monitorEventLoopDelay({ resolution: 10 });
log('ELDHistogram', h.constructor.name, protoNames(h),
  Object.getPrototypeOf(Object.getPrototypeOf(h)).constructor.name);
histLine('eld empty', h);
show('eld empty percentile(50)', () => h.percentile(50));
show('eld empty toJSON', () => h.toJSON());
show('resolution 0', () => ph.monitorEventLoopDelay({ resolution: 0 }));
show('resolution 1.5', () => ph.monitorEventLoopDelay({ resolution: 1.5 }));
show('monitorEventLoopDelay(5)', () => ph.monitorEventLoopDelay(5));
show('enable/disable', () => [h.enable(), h.enable(), h.disable(), h.disable(), h.enable()].join());

// ---- after the loop started ----
setTimeout(() => {
  const blockUntil = performance.now() + 30;
  while (performance.now() < blockUntil);
  setTimeout(() => {
    h.disable();
    log('eld after', h.count > 0, h.min > 0, h.max >= h.min, h.mean >= h.min, h.exceeds,
      h.percentiles.size > 0, h.percentile(100) >= h.percentile(1));
    const u = performance.eventLoopUtilization();
    log('elu', Object.keys(u).join(), u.idle >= 0, u.active > 0,
      u.utilization > 0 && u.utilization <= 1, Math.abs(u.utilization - u.active / (u.idle + u.active)) < 1e-9);
    const u2 = performance.eventLoopUtilization(u);
    log('elu delta', Object.keys(u2).join(), u2.active >= 0, u2.idle >= 0);
    log('elu(u1, u2)', fmt(performance.eventLoopUtilization({ idle: 10, active: 5 }, { idle: 4, active: 1 })));
    log('loopStart', performance.nodeTiming.loopStart > 0,
      performance.nodeTiming.loopStart < performance.now(), performance.nodeTiming.idleTime >= 0);
    log('events', events.join(' | '));
  }, 100);
}, 5);
