// 'newListener' fires before a listener is added; 'removeListener' fires after one is removed.
const EventEmitter = require('events');
const ee = new EventEmitter();
ee.on('newListener', (name) => console.log('newListener', String(name), 'count now', ee.listenerCount(name)));
ee.on('removeListener', (name) => console.log('removeListener', name, 'count now', ee.listenerCount(name)));
const f = () => {};
ee.on('x', f);
ee.once('y', () => console.log('y fired'));
ee.emit('y');
ee.off('x', f);
