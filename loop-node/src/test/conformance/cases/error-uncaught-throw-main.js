// An uncaught Error in the main script prints its stack to stderr and exits with code 1; later lines do not run.
// stderr-includes: Error: boom
console.log('before');
throw new Error('boom');
