// Promise reactions run FIFO in the order they were queued, interleaving independent chains one step at a time.
const a = Promise.resolve();
a.then(() => console.log('a1')).then(() => console.log('a2')).then(() => console.log('a3'));
const b = Promise.resolve();
b.then(() => console.log('b1')).then(() => console.log('b2')).then(() => console.log('b3'));
