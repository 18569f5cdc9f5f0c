// Timers phase: 10,000 setTimeout(0) scheduled at once, plus clearTimeout of every other one.
const { bench } = require('./_harness');
function timers(n) {
  return new Promise((resolve) => {
    let left = n / 2;
    const done = () => { if (--left === 0) resolve(); };
    for (let i = 0; i < n; i++) { const t = setTimeout(done, 0); if (i % 2) clearTimeout(t); }
  });
}
bench('loop-timers-10k', 10000, () => timers(10000));
