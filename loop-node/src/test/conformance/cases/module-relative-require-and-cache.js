// A relative require evaluates the file once; later requires (with or without extension) return the cached exports object.
const c1 = require('./lib/counter.js');
const c2 = require('./lib/counter');
console.log('same object:', c1 === c2);
c1.increment();
c2.increment();
console.log('shared state:', c1.current());
const key = Object.keys(require.cache).find((k) => k.endsWith('/lib/counter.js'));
console.log('in require.cache:', key !== undefined, require.cache[key].exports === c1);
