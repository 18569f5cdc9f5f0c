// A normal-function listener's `this` is the emitter; arrow functions keep their lexical this; any number of args is passed.
const EventEmitter = require('events');
class MyEmitter extends EventEmitter {}
const ee = new MyEmitter();
ee.on('e', function (a, b, c, d, e) {
  console.log('this is emitter:', this === ee, this instanceof MyEmitter, [a, b, c, d, e].join(','));
});
ee.on('e', () => console.log('arrow this is module.exports:', this === module.exports));
ee.emit('e', 1, 2, 3, 4, 5);
