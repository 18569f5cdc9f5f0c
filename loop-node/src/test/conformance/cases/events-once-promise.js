// events.once() returns a promise of the emitted arguments array; it rejects if 'error' is emitted first.
const { EventEmitter, once } = require('events');
(async () => {
  const ee = new EventEmitter();
  setTimeout(() => ee.emit('ready', 1, 'two'), 1);
  const args = await once(ee, 'ready');
  console.log('resolved with', args);
  const ee2 = new EventEmitter();
  setTimeout(() => ee2.emit('error', new Error('failed first')), 1);
  try {
    await once(ee2, 'ready');
  } catch (e) {
    console.log('rejected with', e.message);
  }
  console.log('listeners left:', ee.listenerCount('ready'), ee2.listenerCount('error'));
})();
