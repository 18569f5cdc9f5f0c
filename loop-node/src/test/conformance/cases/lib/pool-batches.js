// Helper for the pool-batches-* cases: submits `jobs` equal crypto.pbkdf2 calls at once to a pool of
// `poolSize` threads and prints relations that hold for a FIFO pool of that size on any machine, however
// noisy, and fail for a bigger pool:
// - the first completion is always a job of the first batch (later jobs cannot start before a thread frees up);
// - completion #(b*poolSize+1) comes at least half a job's duration after completion #((b-1)*poolSize+1),
//   because one of the first b*poolSize+1 completed jobs belongs to batch >= b and could only start once
//   (b-1)*poolSize+1 jobs had completed.
// The completion order of individual batch indexes is NOT printed: on a loaded 2-core machine the OS
// scheduler lets a job of batch b+1 overtake a straggler of batch b in roughly 1 run out of 10.
const crypto = require('crypto');

module.exports = function runBatches({ jobs, poolSize, iterations }) {
  const run = (cb) => crypto.pbkdf2('password', 'salt', iterations, 64, 'sha512', cb);
  // A job's duration: the fastest of 3 synchronous runs (the minimum is not inflated by other processes).
  let jobMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    crypto.pbkdf2Sync('password', 'salt', iterations, 64, 'sha512');
    jobMs = Math.min(jobMs, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const start = process.hrtime.bigint();
  const done = [];
  for (let i = 0; i < jobs; i++) {
    run((err) => {
      if (err) throw err;
      done.push({ batch: Math.floor(i / poolSize), ms: Number(process.hrtime.bigint() - start) / 1e6 });
      if (done.length === jobs) report();
    });
  }
  function report() {
    console.log(`${done.length} jobs completed on a pool of ${poolSize}`);
    console.log('first completion is from batch 0:', done[0].batch === 0);
    for (let k = poolSize; k < jobs; k += poolSize) {
      const gap = done[k].ms - done[k - poolSize].ms;
      console.log(`completion #${k + 1} came at least half a job after completion #${k - poolSize + 1}: ${gap >= 0.5 * jobMs}`);
    }
  }
};
