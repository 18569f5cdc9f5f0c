// Development harness: loads loopd's builtin JS modules under real `node`, with the same wrapper the
// loop-node runtime uses, so a pure-JS builtin can be compared with node's own module side by side.
//   import { loadBuiltin } from './harness.mjs'; const util = loadBuiltin('util');
// Builtins see (exports, require, module, internalBinding); `require` resolves other builtins only.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const LIB = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/dev/loopd/node/js/lib');
const cache = new Map();

// The subset of bindings pure-JS builtins may use; the runtime provides the same names.
const bindings = {
  stdio: {
    writeStdout: (s) => process.stdout.write(s),
    writeStderr: (s) => process.stderr.write(s),
  },
};

export function internalBinding(name) {
  if (!(name in bindings)) throw new Error(`harness has no binding '${name}'`);
  return bindings[name];
}

export function loadBuiltin(name) {
  if (name.startsWith('node:')) name = name.slice(5);
  if (cache.has(name)) return cache.get(name).exports;
  const file = join(LIB, name + '.js');
  if (!existsSync(file)) throw new Error(`no builtin '${name}' at ${file}`);
  const module = { exports: {} };
  cache.set(name, module);
  const fn = new Function('exports', 'require', 'module', 'internalBinding', readFileSync(file, 'utf8'));
  fn.call(module.exports, module.exports, loadBuiltin, module, internalBinding);
  return module.exports;
}
