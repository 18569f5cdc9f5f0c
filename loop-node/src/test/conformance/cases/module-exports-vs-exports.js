// `exports.x =` adds to module.exports; `module.exports =` replaces it; reassigning `exports` exports nothing.
console.log(require('./lib/exports-shorthand.js'));
const fn = require('./lib/module-exports-function.js');
console.log(typeof fn, fn(21), fn.extra);
console.log(require('./lib/exports-reassigned.js'));
console.log('top-level this is module.exports:', this === module.exports);
console.log('exports === module.exports:', exports === module.exports);
