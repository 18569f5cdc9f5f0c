// Seed "Semi-infinite Loop"/"The Callback Queue": a timer scheduled after a blocking loop waits block + delay; one scheduled before waits at least its delay.
// Adapted: 2000/5000 ms become 200/300 ms to keep the case short.
const t0 = Date.now();
setTimeout(() => console.log('timer scheduled before the block: ran after >= 300 ms:', Date.now() - t0 >= 299), 300);
const stopTime = Date.now() + 200;
while (Date.now() < stopTime) {} // Block the main loop
setTimeout(() => console.log('timer scheduled after the block: ran after >= 500 ms total:', Date.now() - t0 >= 499), 300);
console.log('block done after >= 200 ms:', Date.now() - t0 >= 200);
