// monitorEventLoopDelay validates resolution and records loop delay in ns: after a 100 ms block its max is at least 90 ms; enable/disable report state changes.
const { monitorEventLoopDelay } = require('perf_hooks');
for (const resolution of [0, -5, 'x']) {
  try {
    monitorEventLoopDelay({ resolution });
    console.log('accepted', resolution);
  } catch (e) {
    console.log('resolution', JSON.stringify(resolution), e.name, e.code);
  }
}
const h = monitorEventLoopDelay({ resolution: 10 });
console.log('enable:', h.enable(), 'again:', h.enable());
setTimeout(() => {
  const until = Date.now() + 100;
  while (Date.now() < until);
}, 50);
setTimeout(() => {
  console.log('disable:', h.disable(), 'again:', h.disable());
  console.log('max >= 90e6 ns:', h.max >= 90e6);
  console.log('min > 0:', h.min > 0, 'min <= mean <= max:', h.min <= h.mean && h.mean <= h.max);
  console.log('p99 is a number >= p50:', typeof h.percentile(99) === 'number' && h.percentile(99) >= h.percentile(50));
  console.log('percentiles is a map:', Object.prototype.toString.call(h.percentiles) === '[object Map]' && h.percentiles.size > 0, 'count > 0:', h.count > 0, 'stddev >= 0:', h.stddev >= 0);
  h.reset();
  console.log('after reset count:', h.count, 'max:', h.max);
}, 250);
