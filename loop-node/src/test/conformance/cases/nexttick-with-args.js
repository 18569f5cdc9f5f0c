// process.nextTick passes extra arguments to the callback, and runs callbacks in FIFO order.
process.nextTick((a, b, c) => console.log('args', a, b, c), 1, 'two', [3]);
process.nextTick(function () { console.log('arguments.length', arguments.length); });
process.nextTick((...rest) => console.log('rest', rest.length, rest[4]), 1, 2, 3, 4, 5);
