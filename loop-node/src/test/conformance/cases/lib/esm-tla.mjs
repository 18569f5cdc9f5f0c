// Helper: an ES module with top-level await; importers wait for it.
import { setTimeout as sleep } from 'node:timers/promises';
console.log('[esm-tla start]');
await sleep(10);
export const ready = 'tla ready';
console.log('[esm-tla done]');
