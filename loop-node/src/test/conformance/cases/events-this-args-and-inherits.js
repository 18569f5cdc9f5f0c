// A listener's this is the emitter and gets all emit args; util.inherits builds old-style EventEmitter subclasses.
{
  const EventEmitter = require('events');
  class MyEmitter extends EventEmitter {}
  const ee = new MyEmitter();
  ee.on('e', function (a, b, c, d, e) {
    console.log('this is emitter:', this === ee, this instanceof MyEmitter, [a, b, c, d, e].join(','));
  });
  ee.on('e', () => console.log('arrow this is module.exports:', this === module.exports));
  ee.emit('e', 1, 2, 3, 4, 5);
}
{
  const util = require('util');
  const EventEmitter = require('events');
  function Old() { EventEmitter.call(this); }
  util.inherits(Old, EventEmitter);
  const o = new Old();
  o.on('x', (v) => console.log('got', v));
  o.emit('x', 'value');
  console.log('instanceof:', o instanceof EventEmitter, 'super_:', Old.super_ === EventEmitter);
}
