// Check phase: 5,000 chained setImmediate calls (one loop iteration each).
const { bench } = require('./_harness');
function immediates(n) { return new Promise((resolve) => { let i = 0; const step = () => (++i < n ? setImmediate(step) : resolve()); setImmediate(step); }); }
bench('loop-immediate-5k', 5000, () => immediates(5000));
