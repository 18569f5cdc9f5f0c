// listenerCount, eventNames (with symbols), listeners() copies, removeAllListeners, and the newListener/removeListener events.
{
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
}
{
  const EventEmitter = require('events');
  const ee = new EventEmitter();
  ee.on('newListener', (name) => console.log('newListener', String(name), 'count now', ee.listenerCount(name)));
  ee.on('removeListener', (name) => console.log('removeListener', name, 'count now', ee.listenerCount(name)));
  const f = () => {};
  ee.on('x', f);
  ee.once('y', () => console.log('y fired'));
  ee.emit('y');
  ee.off('x', f);
}
