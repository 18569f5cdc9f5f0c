// Emitting from a constructor via process.nextTick lets the caller attach listeners first (seed: ImpatientEmitter).
const EventEmitter = require('events');
class ImpatientEmitter extends EventEmitter {
  constructor() {
    super();
    // Fire this at the end of the phase with an unwound call stack
    process.nextTick(() => this.emit('event'));
  }
}
const emitter = new ImpatientEmitter();
emitter.on('event', () => console.log('An impatient event occurred!'));
class TooEager extends EventEmitter {
  constructor() { super(); this.emit('event'); }
}
const eager = new TooEager();
eager.on('event', () => console.log('never: nobody was listening yet'));
console.log('constructors returned');
