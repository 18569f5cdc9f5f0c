// A handler-like mix: promise chains, nextTick and queueMicrotask interleaved.
const { bench } = require('./_harness');
function mixed(n) {
  return new Promise((resolve) => {
    let left = n;
    for (let i = 0; i < n; i++) {
      Promise.resolve(i).then((v) => new Promise((r) => process.nextTick(r, v))).then(() => queueMicrotask(() => { if (--left === 0) resolve(); }));
    }
  });
}
bench('loop-mixed-5k', 5000, () => mixed(5000));
