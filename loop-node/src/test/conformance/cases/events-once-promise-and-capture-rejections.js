// events.once() resolves with the emitted args or rejects on 'error'; with captureRejections an async listener's rejection becomes an 'error' event.
{
  const EventEmitter = require('events');
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('work', async () => { throw new Error('async listener failed'); });
  ee.on('error', (err) => console.log('error event:', err.message));
  ee.emit('work');
  console.log('emit returned synchronously');
  console.log('captureRejections off by default:', EventEmitter.captureRejections);
}
{
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
}
