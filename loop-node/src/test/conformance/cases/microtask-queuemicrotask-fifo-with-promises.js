// queueMicrotask shares the promise job queue: jobs run FIFO interleaved with promise reactions, after nextTicks.
queueMicrotask(() => console.log('microtask 1'));
Promise.resolve().then(() => console.log('promise 1'));
queueMicrotask(() => console.log('microtask 2'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise 2'));
console.log('sync');
