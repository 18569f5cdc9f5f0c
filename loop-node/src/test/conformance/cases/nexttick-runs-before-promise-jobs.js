// process.nextTick callbacks run before promise jobs, even when the promise job was queued first.
Promise.resolve().then(() => console.log('promise (queued first)'));
process.nextTick(() => console.log('nextTick (queued second)'));
