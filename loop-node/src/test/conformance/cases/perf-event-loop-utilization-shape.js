// eventLoopUtilization() returns { idle, active, utilization } with 0 <= utilization <= 1; with a previous value it returns the delta.
const { performance } = require('perf_hooks');
setTimeout(() => {
  const e1 = performance.eventLoopUtilization();
  console.log(Object.keys(e1).sort().join(','));
  console.log('numbers:', [e1.idle, e1.active, e1.utilization].every((n) => typeof n === 'number' && n >= 0));
  console.log('utilization in [0,1]:', e1.utilization >= 0 && e1.utilization <= 1);
  setTimeout(() => {
    const d = performance.eventLoopUtilization(e1);
    console.log('delta in [0,1]:', d.utilization >= 0 && d.utilization <= 1);
    console.log('mostly idle while waiting 100 ms:', d.idle > d.active);
  }, 100);
}, 10);
