// CPU-bound: recursive calls.
const { bench } = require('./_harness');
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
bench('cpu-fib(25)', 1, () => fib(25));
