// Microtasks: an async function awaiting 20,000 resolved promises.
const { bench } = require('./_harness');
async function chain(n) { let x = 0; for (let i = 0; i < n; i++) x += await i; return x; }
bench('loop-await-20k', 20000, () => chain(20000));
