// A 200 ms busy loop inside a callback makes event loop utilization over that span close to 1.
const { performance } = require('perf_hooks');
setTimeout(() => {
  const before = performance.eventLoopUtilization();
  const until = Date.now() + 200;
  while (Date.now() < until);
  const d = performance.eventLoopUtilization(before);
  console.log('active at least 180 ms:', d.active >= 180);
  console.log('utilization > 0.5:', d.utilization > 0.5);
}, 20);
