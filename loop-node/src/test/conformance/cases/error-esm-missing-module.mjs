// Importing a missing relative ES module fails before anything runs with ERR_MODULE_NOT_FOUND, exit 1.
// stderr-includes: ERR_MODULE_NOT_FOUND
// stderr-includes: Cannot find module
import './lib/not-there.mjs';
console.log('never printed');
