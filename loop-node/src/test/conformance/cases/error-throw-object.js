// Throwing a plain object uncaught exits 1 and prints it inspected on stderr.
// stderr-includes: { code: 42, reason: 'plain object' }
console.log('before');
throw { code: 42, reason: 'plain object' };
