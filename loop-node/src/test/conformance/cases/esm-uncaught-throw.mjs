// An uncaught throw in an ES module main exits 1 with the error on stderr.
// stderr-includes: Error: esm boom
console.log('before');
throw new Error('esm boom');
