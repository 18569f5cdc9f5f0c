// In an ES module main, the body runs inside a promise job: promise jobs it queues run BEFORE its nextTicks (the opposite of CommonJS).
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
console.log('sync');
