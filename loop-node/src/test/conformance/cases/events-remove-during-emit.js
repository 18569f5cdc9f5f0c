// Removing or adding listeners during an emit does not change the listeners called by that emit.
const EventEmitter = require('events');
const ee = new EventEmitter();
const second = () => console.log('second');
ee.on('e', () => { console.log('first: removes second, adds third'); ee.off('e', second); ee.on('e', () => console.log('third')); });
ee.on('e', second);
console.log('-- emit 1');
ee.emit('e');
console.log('-- emit 2');
ee.emit('e');
