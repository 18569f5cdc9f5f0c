// An importer waits for a dependency's top-level await before its own body runs.
import { ready } from './lib/esm-tla.mjs';
console.log('importer body runs after dependency finished:', ready);
