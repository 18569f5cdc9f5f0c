// Top-level await in the main ES module: the module body pauses while the loop runs timers and immediates.
import { setTimeout as sleep } from 'node:timers/promises';
console.log('before await');
setImmediate(() => console.log('immediate runs while the module waits'));
const v = await sleep(20, 'slept');
console.log('after await:', v);
const r = await Promise.all([sleep(5, 'a'), sleep(1, 'b')]);
console.log('all:', r.join(','));
