// Dynamic import() in an ES module returns the same cached namespace as the static import; live bindings update.
import * as staticNs from './lib/esm-lib.mjs';
import { counter, increment } from './lib/esm-lib.mjs';
console.log('counter before:', counter);
increment();
increment();
console.log('counter after (live binding):', counter);
const dynNs = await import('./lib/esm-lib.mjs');
console.log('same namespace:', dynNs === staticNs);
console.log('namespace is frozen-ish:', Object.isFrozen(dynNs) || Object.isSealed(dynNs));
console.log('namespace toStringTag:', dynNs[Symbol.toStringTag]);
try {
  staticNs.counter = 99;
} catch (e) {
  console.log('assigning to namespace throws:', e.name);
}
