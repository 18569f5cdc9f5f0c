// The classic puzzle in the main module, made deterministic: the 0 ms timer is already due when the loop starts, so timers run before check.
console.log('1: sync');
setTimeout(() => console.log('2: setTimeout'), 0);
setImmediate(() => console.log('3: setImmediate'));
Promise.resolve().then(() => console.log('4: Promise'));
process.nextTick(() => console.log('5: nextTick'));
console.log('6: sync');
// Without this wait, setTimeout(0) vs setImmediate in the main module is nondeterministic in node.
const until = Date.now() + 20;
while (Date.now() < until);
