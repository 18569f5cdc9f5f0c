// A .cjs file is CommonJS: require, module, exports and __filename work.
const { EventEmitter } = require('node:events');
console.log(typeof require, typeof module, typeof exports, __filename.split('/').pop());
console.log(typeof EventEmitter);
