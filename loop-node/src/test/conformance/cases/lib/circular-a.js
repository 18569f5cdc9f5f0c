// Helper for module-circular-require.js (the Node.js documentation's a/b example).
console.log('a starting');
exports.done = false;
const b = require('./circular-b.js');
console.log('in a, b.done = %j', b.done);
exports.done = true;
console.log('a done');
