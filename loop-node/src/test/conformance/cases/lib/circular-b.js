// Helper for module-circular-require.js: requires a while a is still loading.
console.log('b starting');
exports.done = false;
const a = require('./circular-a.js');
console.log('in b, a.done = %j', a.done);
exports.done = true;
console.log('b done');
