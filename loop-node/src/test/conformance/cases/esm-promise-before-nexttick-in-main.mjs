// In an ES module main, the body runs inside a promise job: promise jobs it queues run BEFORE its nextTicks (the opposite of CommonJS); in callbacks the usual order returns.
process.nextTick(() => console.log('main: nextTick'));
Promise.resolve().then(() => console.log('main: promise'));
queueMicrotask(() => console.log('main: microtask'));
console.log('main: sync');
setTimeout(() => {
  Promise.resolve().then(() => console.log('timer: promise'));
  process.nextTick(() => console.log('timer: nextTick'));
  console.log('timer: sync');
}, 1);
