// Top-level await pauses the main module while the loop runs; dynamic import() returns the cached namespace of a static import, whose bindings are live.
// (200 ms, not 20: on a loaded machine a cold first loop turn can take longer than 20 ms, and the
// timer would then fire before the immediate in node too; the output is the same.)
import { setTimeout as sleep } from 'node:timers/promises';
import * as staticNs from './lib/esm-lib.mjs';
import { counter, increment } from './lib/esm-lib.mjs';
console.log('before await');
setImmediate(() => console.log('immediate runs while the module waits'));
console.log('after await:', await sleep(200, 'slept'));
console.log('all:', (await Promise.all([sleep(5, 'a'), sleep(1, 'b')])).join(','));
console.log('counter before:', counter);
increment();
increment();
console.log('counter after (live binding):', counter);
const dynNs = await import('./lib/esm-lib.mjs');
console.log('same namespace:', dynNs === staticNs, 'toStringTag:', dynNs[Symbol.toStringTag]);
try {
  staticNs.counter = 99;
} catch (e) {
  console.log('assigning to a namespace throws:', e.name);
}
