// Imports are evaluated depth-first in source order, each once, and a dependency's top-level await finishes before the importer's body runs.
import './lib/esm-order-a.mjs';
import './lib/esm-order-b.mjs';
import { ready } from './lib/esm-tla.mjs';
import './lib/esm-lib.mjs';
console.log('main body; dependency says:', ready);
