// eventLoopUtilization() returns { idle, active, utilization } in [0,1]; mostly idle while waiting on a timer, close to 1 across a 200 ms busy loop.
const { performance } = require('perf_hooks');
setTimeout(() => {
  const e1 = performance.eventLoopUtilization();
  console.log(Object.keys(e1).sort().join(','));
  console.log('numbers:', [e1.idle, e1.active, e1.utilization].every((n) => typeof n === 'number' && n >= 0));
  console.log('utilization in [0,1]:', e1.utilization >= 0 && e1.utilization <= 1);
  setTimeout(() => {
    const idleSpan = performance.eventLoopUtilization(e1);
    console.log('delta in [0,1]:', idleSpan.utilization >= 0 && idleSpan.utilization <= 1);
    console.log('mostly idle while waiting 100 ms:', idleSpan.idle > idleSpan.active);
    const before = performance.eventLoopUtilization();
    const until = Date.now() + 200;
    while (Date.now() < until);
    const busy = performance.eventLoopUtilization(before);
    console.log('busy loop: active at least 180 ms:', busy.active >= 180);
    console.log('busy loop: utilization > 0.5:', busy.utilization > 0.5);
  }, 100);
}, 10);
