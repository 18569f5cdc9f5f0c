// Immediates run FIFO in one check phase; extra arguments are passed to the callback.
setImmediate((a, b) => console.log('first', a, b), 'x', 2);
setImmediate(() => console.log('second'));
setImmediate((...args) => console.log('third', args.length), 1, 2, 3, 4, 5, 6);
