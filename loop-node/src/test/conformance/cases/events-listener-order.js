// Listeners run synchronously in registration order (once removed before running, prepend* at the front); changes during an emit do not affect that emit.
{
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
}
{
  const EventEmitter = require('events');
  const ee = new EventEmitter();
  ee.on('e', () => console.log('normal'));
  ee.prependListener('e', () => console.log('prepended'));
  ee.prependOnceListener('e', () => console.log('prepended once'));
  ee.emit('e');
  ee.emit('e');
  console.log(ee.listeners('e').length, ee.rawListeners('e').length);
}
{
  const EventEmitter = require('events');
  const ee = new EventEmitter();
  const second = () => console.log('second');
  ee.on('e', () => { console.log('first: removes second, adds third'); ee.off('e', second); ee.on('e', () => console.log('third')); });
  ee.on('e', second);
  console.log('-- emit 1');
  ee.emit('e');
  console.log('-- emit 2');
  ee.emit('e');
}
