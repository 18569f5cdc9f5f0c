// Importing a name a module does not export is a SyntaxError at link time: nothing in the importer runs, exit 1.
// stderr-includes: SyntaxError: The requested module './lib/esm-lib.mjs' does not provide an export named 'nope'
import { nope } from './lib/esm-lib.mjs';
console.log('never printed', nope);
