// Listeners run synchronously in registration order; once() listeners are removed before they run; off() removes one registration.
const EventEmitter = require('events');
const ee = new EventEmitter();
const a = (x) => console.log('a', x);
ee.on('e', a);
ee.once('e', (x) => console.log('once', x));
ee.on('e', (x) => console.log('b', x));
ee.on('e', a);
console.log('emit 1 returned', ee.emit('e', 1));
ee.off('e', a);
console.log('emit 2 returned', ee.emit('e', 2));
console.log('emit with no listeners returned', ee.emit('other'));
console.log('emit is synchronous: this line comes last');
