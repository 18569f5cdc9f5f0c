// Emitting 'error' on an EventEmitter with no 'error' listener throws the error; uncaught it exits 1.
// stderr-includes: Error: emitted error
const EventEmitter = require('events');
const ee = new EventEmitter();
console.log('before emit');
ee.emit('error', new Error('emitted error'));
console.log('never printed');
