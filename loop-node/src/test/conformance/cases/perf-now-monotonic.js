// performance.now() is a monotonic millisecond double since timeOrigin; it advances by at least a busy wait's length.
const { performance } = require('perf_hooks');
console.log('same as global:', performance === globalThis.performance);
const a = performance.now();
console.log(typeof a, a >= 0, typeof performance.timeOrigin);
let ok = true;
let prev = a;
for (let i = 0; i < 10000; i++) { const n = performance.now(); if (n < prev) ok = false; prev = n; }
console.log('never goes back:', ok);
const until = Date.now() + 30;
while (Date.now() < until);
console.log('advanced at least 29 ms:', performance.now() - a >= 29);
console.log('timeOrigin close to Date.now():', Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
