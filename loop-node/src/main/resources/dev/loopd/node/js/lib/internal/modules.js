'use strict';
// CommonJS for the script's own files (Node's Module): resolution and reading happen in Java
// (ModuleResolver), compiling as `function (exports, require, module, __filename, __dirname)`.
// ES modules are GraalJS's own, fed by ModuleFileSystem.

const {
  resolve,
  readFile,
  compileCommonJs,
  isEsm,
  isBuiltin,
} = internalBinding('modules');

// Node's builtins; the ones loopd has resolve, the others fail naming themselves.
const NODE_BUILTINS = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
  'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
  'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'module', 'net', 'os',
  'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring',
  'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises',
  'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events',
  'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib', 'test',
]);

function dirname(path) {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function basename(path) {
  return path.slice(path.lastIndexOf('/') + 1);
}

function availableBuiltins() {
  return [...NODE_BUILTINS].filter((id) => isBuiltin(id)).sort();
}

function unknownBuiltin(id) {
  const err = new Error(`The Node.js module '${id}' is not available in loopd. ` +
    `Available modules: ${availableBuiltins().join(', ')}.`);
  err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
  return err;
}

/** require() of a builtin by a user's module: `node:` prefix optional, internals hidden. */
function requireBuiltinForUser(request) {
  const id = request.startsWith('node:') ? request.slice(5) : request;
  if (isBuiltin(id)) return require(id);
  throw unknownBuiltin(id);
}

class Module {
  constructor(id, parent) {
    this.id = id;
    this.path = dirname(id);
    this.exports = {};
    this.filename = id;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false });
    if (parent) parent.children.push(this);
  }

  require(id) {
    return requireFrom(this, id);
  }
}

Module._cache = { __proto__: null };
Module.builtinModules = [...NODE_BUILTINS].filter((id) => isBuiltin(id));
let mainModule;

function requireStack(parent) {
  const stack = [];
  for (let m = parent; m; m = m.parent) stack.push(m.filename);
  return stack;
}

function resolveFilename(request, parent) {
  const fromDir = parent ? parent.path : globalThis.process.cwd();
  const filename = resolve(request, fromDir);
  if (filename === null || filename === undefined) {
    const stack = requireStack(parent);
    let message = `Cannot find module '${request}'`;
    if (stack.length > 0) message += `\nRequire stack:\n- ${stack.join('\n- ')}`;
    const err = new Error(message);
    err.code = 'MODULE_NOT_FOUND';
    err.requireStack = stack;
    throw err;
  }
  return filename;
}

function validateRequest(request) {
  if (typeof request !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', request);
  }
  if (request === '') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('id', request, 'must be a non-empty string');
  }
}

function requireFrom(parent, request) {
  validateRequest(request);
  if (request.startsWith('node:')) return requireBuiltinForUser(request);
  if (NODE_BUILTINS.has(request)) return requireBuiltinForUser(request);
  return loadFile(resolveFilename(request, parent), parent);
}

function loadFile(filename, parent) {
  const cached = Module._cache[filename];
  if (cached !== undefined) return cached.exports;
  if (isEsm(filename)) {
    const err = new Error(`require() of ES Module ${filename} not supported.\n` +
      `Instead change the require of ${basename(filename)} to a dynamic import() which is ` +
      'available in all CommonJS modules.');
    err.code = 'ERR_REQUIRE_ESM';
    throw err;
  }
  const module = new Module(filename, parent);
  Module._cache[filename] = module;
  let threw = true;
  try {
    load(module);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
}

function stripBOM(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function load(module) {
  const filename = module.filename;
  const text = readFile(filename);
  if (text === null || text === undefined) throw new Error(`Cannot read module ${filename}`);
  if (filename.endsWith('.json')) {
    try {
      module.exports = JSON.parse(stripBOM(text));
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
  } else {
    const fn = compileCommonJs(filename, stripBOM(text));
    if (typeof fn !== 'function') throw syntaxError(fn[0], fn[1]);
    fn.call(module.exports, module.exports, makeRequire(module), module, filename, module.path);
  }
  module.loaded = true;
}

/** A SyntaxError from compiling a module, carrying Node's "file:line, line, caret" header. */
function syntaxError(where, message) {
  const err = new SyntaxError(message);
  Object.defineProperty(err, Symbol.for('loopd.arrowMessage'), { value: where });
  return err;
}

function makeRequire(module) {
  const require = (id) => requireFrom(module, id);
  require.resolve = (request) => {
    validateRequest(request);
    if (request.startsWith('node:') || NODE_BUILTINS.has(request)) return request;
    return resolveFilename(request, module);
  };
  require.resolve.paths = () => [];
  require.cache = Module._cache;
  require.main = mainModule;
  return require;
}

/** Runs the main script (CommonJS), as Node's Module.runMain. */
function runMain(filename) {
  const module = new Module(filename, null);
  module.id = '.';
  mainModule = module;
  Module._cache[filename] = module;
  Object.defineProperty(globalThis.process, 'mainModule', {
    value: module, writable: true, configurable: true, enumerable: false,
  });
  load(module);
}

// The main ES module, loaded the way Node does it: through the module loader's promise, so its
// body runs as a promise job. Whether that promise settled decides exit code 13 (a top-level
// await that never finished).
let esmMain = null;

function runEsmMain(filename) {
  const state = { settled: false };
  esmMain = state;
  import(filename).then(
    () => { state.settled = true; },
    (err) => {
      state.settled = true;
      require('internal/task_queues').reportUncaught(asNodeLoaderError(err));
    });
}

/** GraalJS's loader errors, with the code and first stack line Node's loader gives them. */
function asNodeLoaderError(err) {
  if (!(err instanceof Error) || err.code !== undefined) return err;
  if (/^Cannot find module '.*' imported from /.test(err.message)) {
    const e = new Error(err.message);
    e.code = 'ERR_MODULE_NOT_FOUND';
    e.stack = `Error [ERR_MODULE_NOT_FOUND]: ${err.message}`;
    return e;
  }
  return err;
}

function esmMainUnsettled() {
  return esmMain !== null && !esmMain.settled;
}

/** A CommonJS file imported by an ES module (see ModuleFileSystem). */
function requireFile(filename) {
  return loadFile(filename, null);
}

module.exports = {
  Module,
  runMain,
  runEsmMain,
  esmMainUnsettled,
  requireFile,
  requireBuiltinForUser,
};
