// Imports are evaluated depth-first in source order, each once, before the importing module's body.
import './lib/esm-order-a.mjs';
import './lib/esm-order-b.mjs';
import './lib/esm-lib.mjs';
console.log('main body');
