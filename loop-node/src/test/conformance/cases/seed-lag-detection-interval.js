// Seed "Measuring Event Loop Lag": a setInterval-based hrtime lag probe detects a 150 ms block as lag > 50 ms.
let lastCheck = process.hrtime.bigint();
const sampleIntervalMs = 20;
let maxLagMs = 0;
let samples = 0;
const iv = setInterval(() => {
  const now = process.hrtime.bigint();
  const expected = BigInt(sampleIntervalMs) * 1_000_000n;
  const lagMs = Number(now - lastCheck - expected) / 1_000_000;
  maxLagMs = Math.max(maxLagMs, lagMs);
  lastCheck = now;
  if (++samples === 6) {
    clearInterval(iv);
    console.log('lag > 50 ms detected:', maxLagMs > 50);
  }
}, sampleIntervalMs);
setTimeout(() => {
  const until = Date.now() + 150;
  while (Date.now() < until); // a blocking task, like pbkdf2Sync in a request handler
}, 30);
