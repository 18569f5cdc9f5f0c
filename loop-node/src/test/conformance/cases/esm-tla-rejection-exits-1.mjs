// A rejected top-level await in an ES module main is an uncaught error: exit code 1, the error on stderr.
// stderr-includes: Error: tla rejected
console.log('before await');
await Promise.reject(new Error('tla rejected'));
console.log('never printed');
