import { loadBuiltin } from './harness.mjs';
import util from 'node:util';
const ours = loadBuiltin('internal/util/inspect');
const vals = [1, -0, 'a', "it's", { a: 1, b: [1, 2, { c: new Map([[1, 2]]) }] }, [1, , 3], new Set([1]), new Error('x'),
  class Foo {}, function () {}, async () => {}, Symbol('s'), 10n, new Date(0), /x/g, new Uint8Array(3), new ArrayBuffer(2),
  Array.from({ length: 30 }, (_, i) => i * 100), Object.create(null), new WeakMap(), [undefined, null]];
let bad = 0;
for (const v of vals) {
  const a = ours.inspect(v), b = util.inspect(v);
  if (a !== b) { bad++; console.log('MISMATCH\n' + a + '\n---\n' + b); }
}
console.log('bad', bad);
