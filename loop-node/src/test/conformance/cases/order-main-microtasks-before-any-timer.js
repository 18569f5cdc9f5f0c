// Every nextTick and promise job queued by the main module (even long chains) runs before the first timer or immediate.
let chain = Promise.resolve();
for (let i = 1; i <= 5; i++) chain = chain.then(() => console.log('chain ' + i));
setTimeout(() => console.log('timeout'), 0);
process.nextTick(() => console.log('tick'));
const until = Date.now() + 10;
while (Date.now() < until);
