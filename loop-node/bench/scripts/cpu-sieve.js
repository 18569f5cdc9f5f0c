// CPU-bound: typed arrays and tight loops.
const { bench } = require('./_harness');
function sieve(n) {
  const a = new Uint8Array(n + 1); let count = 0;
  for (let i = 2; i <= n; i++) { if (!a[i]) { count++; for (let j = i * i; j <= n; j += i) a[j] = 1; } }
  return count;
}
bench('cpu-sieve(2e6)', 1, () => sieve(2_000_000));
