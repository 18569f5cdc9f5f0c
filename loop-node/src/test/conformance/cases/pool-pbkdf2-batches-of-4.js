// With UV_THREADPOOL_SIZE=4, 8 simultaneous pbkdf2 calls run in two batches of 4: at most 4 jobs run at once.
// env: UV_THREADPOOL_SIZE=4
// Seed: "Each pbkdf2 call uses one thread pool thread. With default pool size of 4, only 4 run concurrently."
require('./lib/pool-batches.js')({ jobs: 8, poolSize: 4, iterations: 100000 });
