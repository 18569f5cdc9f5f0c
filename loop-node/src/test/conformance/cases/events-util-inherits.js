// util.inherits sets up prototype inheritance (old-style EventEmitter subclasses) and super_.
const util = require('util');
const EventEmitter = require('events');
function Old() { EventEmitter.call(this); }
util.inherits(Old, EventEmitter);
const o = new Old();
o.on('x', (v) => console.log('got', v));
o.emit('x', 'value');
console.log('instanceof:', o instanceof EventEmitter, 'super_:', Old.super_ === EventEmitter);
