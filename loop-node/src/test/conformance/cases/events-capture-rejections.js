// With captureRejections, a rejected promise from an async listener is routed to the 'error' event (after the current job).
const EventEmitter = require('events');
const ee = new EventEmitter({ captureRejections: true });
ee.on('work', async () => { throw new Error('async listener failed'); });
ee.on('error', (err) => console.log('error event:', err.message));
ee.emit('work');
console.log('emit returned synchronously');
console.log('captureRejections off by default:', EventEmitter.captureRejections);
