// Adding an 11th listener for one event prints a MaxListenersExceededWarning once; setMaxListeners raises the limit.
// stderr-includes: MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 leak listeners added to [EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit
const EventEmitter = require('events');
console.log('defaultMaxListeners:', EventEmitter.defaultMaxListeners);
const ee = new EventEmitter();
for (let i = 0; i < 12; i++) ee.on('leak', () => {});
const quiet = new EventEmitter();
quiet.setMaxListeners(20);
for (let i = 0; i < 15; i++) quiet.on('fine', () => {});
console.log('getMaxListeners:', ee.getMaxListeners(), quiet.getMaxListeners());
process.on('warning', (w) => console.log('warning event:', w.name, w.count, w.type));
