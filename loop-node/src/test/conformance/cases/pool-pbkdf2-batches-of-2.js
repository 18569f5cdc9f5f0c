// With UV_THREADPOOL_SIZE=2, 8 simultaneous pbkdf2 calls run in four batches of 2: at most 2 jobs run at once.
// env: UV_THREADPOOL_SIZE=2
require('./lib/pool-batches.js')({ jobs: 8, poolSize: 2, iterations: 100000 });
