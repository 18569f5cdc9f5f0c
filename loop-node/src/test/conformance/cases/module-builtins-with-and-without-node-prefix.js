// require('x') and require('node:x') return the same object for every builtin loopd supports.
const names = ['timers', 'timers/promises', 'process', 'console', 'events', 'buffer', 'perf_hooks', 'crypto', 'zlib', 'async_hooks', 'util'];
for (const n of names) {
  console.log(n.padEnd(16), require(n) === require('node:' + n), typeof require(n));
}
console.log('Buffer global is buffer.Buffer:', Buffer === require('buffer').Buffer);
console.log('console global is require("console"):', console === require('console'));
