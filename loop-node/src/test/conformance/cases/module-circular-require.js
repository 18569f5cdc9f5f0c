// Circular requires see the partially filled exports of a module that is still loading (the Node.js docs example).
console.log('main starting');
const a = require('./lib/circular-a.js');
const b = require('./lib/circular-b.js');
console.log('in main, a.done = %j, b.done = %j', a.done, b.done);
