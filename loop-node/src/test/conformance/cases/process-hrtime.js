// process.hrtime() returns [seconds, nanoseconds]; hrtime(prev) returns a difference; hrtime.bigint() is a monotonic bigint.
const t0 = process.hrtime();
console.log('array of 2 integers:', Array.isArray(t0), t0.length, t0.every(Number.isInteger));
console.log('nanoseconds < 1e9:', t0[1] < 1e9);
const b0 = process.hrtime.bigint();
console.log('bigint type:', typeof b0);
const until = Date.now() + 20;
while (Date.now() < until);
const d = process.hrtime(t0);
const ns = d[0] * 1e9 + d[1];
console.log('diff is at least 19 ms:', ns >= 19e6);
const b1 = process.hrtime.bigint();
console.log('bigint monotonic and at least 19 ms later:', b1 - b0 >= 19000000n);
let mono = true;
let prev = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) { const n = process.hrtime.bigint(); if (n < prev) mono = false; prev = n; }
console.log('1000 reads never go back:', mono);
