// Importing CommonJS from an ES module: default is module.exports, and `exports.x =` names are importable as named exports.
import cjs, { alpha, beta, gamma } from './lib/cjs-named.cjs';
import hello from './lib/cjs-function.cjs';
import * as ns from './lib/cjs-named.cjs';
console.log('default is module.exports:', typeof cjs, Object.keys(cjs).join(','));
console.log('named:', alpha, beta(), gamma);
console.log('namespace keys:', Object.keys(ns).sort().join(','));
console.log('namespace default === default:', ns.default === cjs);
console.log('function export:', hello('esm'));
