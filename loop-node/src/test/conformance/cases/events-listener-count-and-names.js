// listenerCount, eventNames (including symbols), listeners() copies, removeAllListeners.
const EventEmitter = require('events');
const ee = new EventEmitter();
const sym = Symbol('sym');
ee.on('a', () => {});
ee.on('a', () => {});
ee.once('b', () => {});
ee.on(sym, () => {});
console.log('a:', ee.listenerCount('a'), 'b:', ee.listenerCount('b'), 'none:', ee.listenerCount('none'));
console.log('static listenerCount:', EventEmitter.listenerCount(ee, 'a'));
console.log('eventNames:', ee.eventNames());
const copy = ee.listeners('a');
copy.pop();
console.log('listeners() is a copy:', ee.listenerCount('a'));
ee.removeAllListeners('a');
console.log('after removeAllListeners(a):', ee.eventNames());
ee.removeAllListeners();
console.log('after removeAllListeners():', ee.eventNames());
