// Shared by the benchmark scripts, so node and loop-node run byte-identical code. Runs `work`
// (sync or async) for a warm-up period (the same wall time for both runtimes: GraalJS's compiler
// needs seconds where V8 needs milliseconds), then `rounds` measured rounds, and prints one JSON
// line with the median throughput of those.
'use strict';
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || 15000);

async function bench(name, opsPerRound, work, { rounds = 15 } = {}) {
  const run = async () => {
    const t0 = performance.now();
    const r = work();
    if (r && typeof r.then === 'function') await r;
    return performance.now() - t0;
  };
  const warmupEnd = performance.now() + WARMUP_MS;
  let warmupRounds = 0;
  while (performance.now() < warmupEnd || warmupRounds < 5) {
    await run();
    warmupRounds++;
  }
  const times = [];
  for (let i = 0; i < rounds; i++) times.push(await run());
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(JSON.stringify({ name, opsPerSec: Math.round(opsPerRound / (median / 1000)),
    medianMs: +median.toFixed(3), warmupRounds }));
}
module.exports = { bench };
