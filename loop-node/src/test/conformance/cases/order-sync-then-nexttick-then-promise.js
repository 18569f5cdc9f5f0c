// Main-module code runs to completion, then the nextTick queue drains, then promise jobs run.
console.log('sync 1');
Promise.resolve().then(() => console.log('promise 1'));
process.nextTick(() => console.log('nextTick 1'));
Promise.resolve().then(() => console.log('promise 2'));
process.nextTick(() => console.log('nextTick 2'));
console.log('sync 2');
