// nextTick queue: 20,000 chained process.nextTick callbacks.
const { bench } = require('./_harness');
function ticks(n) { return new Promise((resolve) => { let i = 0; const step = () => (++i < n ? process.nextTick(step) : resolve()); process.nextTick(step); }); }
bench('loop-nexttick-20k', 20000, () => ticks(20000));
