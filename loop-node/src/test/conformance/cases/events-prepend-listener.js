// prependListener and prependOnceListener put a listener at the front of the list.
const EventEmitter = require('events');
const ee = new EventEmitter();
ee.on('e', () => console.log('normal'));
ee.prependListener('e', () => console.log('prepended'));
ee.prependOnceListener('e', () => console.log('prepended once'));
ee.emit('e');
ee.emit('e');
console.log(ee.listeners('e').length, ee.rawListeners('e').length);
