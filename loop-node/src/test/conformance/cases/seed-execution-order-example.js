// Seed "Execution Order Example", verbatim plus a 20 ms wait: sync, sync, nextTick, Promise, setTimeout, setImmediate.
// The article's order of 2 vs 3 is only guaranteed because the wait makes the 0 ms timer due before the
// loop starts; without it, setTimeout(0) vs setImmediate in the main module is nondeterministic in node.
console.log('1: sync');

setTimeout(() => console.log('2: setTimeout'), 0);

setImmediate(() => console.log('3: setImmediate'));

Promise.resolve().then(() => console.log('4: Promise'));

process.nextTick(() => console.log('5: nextTick'));

console.log('6: sync');

const until = Date.now() + 20;
while (Date.now() < until);
