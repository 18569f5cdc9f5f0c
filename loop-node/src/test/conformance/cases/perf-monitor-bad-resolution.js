// monitorEventLoopDelay validates its options: resolution must be an integer >= 1.
const { monitorEventLoopDelay } = require('perf_hooks');
for (const resolution of [0, -5, 'x']) {
  try {
    monitorEventLoopDelay({ resolution });
    console.log('accepted', resolution);
  } catch (e) {
    console.log(JSON.stringify(resolution), e.name, e.code);
  }
}
