// CommonJS can load an ES module with dynamic import(); it resolves asynchronously, after the current synchronous code.
(async () => {
  const ns = await import('./lib/esm-lib.mjs');
  console.log('namespace keys:', Object.keys(ns).sort().join(','));
  console.log(ns.default('cjs'), ns.name);
  const again = await import('./lib/esm-lib.mjs');
  console.log('same namespace on second import:', again === ns);
  const events = await import('node:events');
  console.log('builtin namespace default is EventEmitter:', events.default === require('events'));
})();
console.log('sync code done');
