// After a handled exception in a nextTick callback, node stops draining; the rest of the tick queue runs after the next callback (here a due timer).
process.on('uncaughtException', (err) => console.log('caught:', err.message));
setImmediate(() => console.log('immediate 1'));
process.nextTick(() => { throw new Error('tick boom'); });
process.nextTick(() => console.log('remaining tick'));
Promise.resolve().then(() => console.log('promise'));
setTimeout(() => console.log('timeout (already due)'), 1);
const until = Date.now() + 10;
while (Date.now() < until);
