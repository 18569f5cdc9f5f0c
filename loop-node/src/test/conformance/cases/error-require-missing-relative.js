// Requiring a missing relative file throws "Cannot find module"; uncaught, the process exits 1.
// stderr-includes: Cannot find module './lib/does-not-exist'
// stderr-includes: MODULE_NOT_FOUND
console.log('before');
require('./lib/does-not-exist');
