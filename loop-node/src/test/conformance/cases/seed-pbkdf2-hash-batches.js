// Seed "When the Thread Pool Becomes a Bottleneck": 8 pbkdf2 calls on a pool of 4 threads run in two batches.
// env: UV_THREADPOOL_SIZE=4
// Adapted: the article prints milliseconds ("Hash 0-3: ~90ms, Hash 4-7: ~180ms"), which vary; this prints
// relations instead, and uses a 64-byte key (the article's 512-byte key takes ~0.4 s per call on 2 cores).
const crypto = require('crypto');

// One hash's duration on an otherwise idle thread: the fastest of 3 synchronous runs.
let oneHashMs = Infinity;
for (let r = 0; r < 3; r++) {
  const t = Date.now();
  crypto.pbkdf2Sync('password', 'salt', 100000, 64, 'sha512');
  oneHashMs = Math.min(oneHashMs, Date.now() - t);
}

// Each pbkdf2 call uses one thread pool thread
// With a pool size of 4, only 4 run concurrently
const start = Date.now();
const finished = [];
for (let i = 0; i < 8; i++) {
  crypto.pbkdf2('password', 'salt', 100000, 512 / 8, 'sha512', () => {
    finished.push({ i, ms: Date.now() - start });
    if (finished.length < 8) return;
    console.log('Hash 0-7 all done');
    console.log('the first hash to finish was one of 0-3:', finished[0].i < 4);
    // Hashes 4-7 can only start when one of 0-3 has finished, so the 5th completion is at least one
    // hash duration after the 1st (half of it, to allow for timer granularity and noise).
    console.log('second batch waited for the first:', finished[4].ms - finished[0].ms >= oneHashMs / 2);
  });
}
