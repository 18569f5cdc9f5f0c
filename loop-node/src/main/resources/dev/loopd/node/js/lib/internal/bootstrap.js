'use strict';
// Evaluated once per context as `function (bindings) { ... }`. Installs Node's globals and returns
// the entry points the Java event loop calls (see dev.loopd.node.js.JsRuntime).

const internalBinding = (name) => {
  const binding = bindings[name];
  if (binding === undefined || binding === null) {
    throw new Error(`loopd: no internal binding '${name}'`);
  }
  return binding;
};

const { compileBuiltin } = internalBinding('modules');
const builtinCache = new Map();

function requireBuiltin(id) {
  if (typeof id === 'string' && id.startsWith('node:')) id = id.slice(5);
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = compileBuiltin(id);
  if (fn === null || fn === undefined) throw new Error(`loopd: no builtin module '${id}'`);
  const module = { exports: {}, id, loaded: false };
  builtinCache.set(id, module);
  try {
    fn.call(module.exports, module.exports, requireBuiltin, module, internalBinding);
  } catch (err) {
    builtinCache.delete(id);
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

// The rejection hook is the one thing needed from GraalJS's `Graal` object; nothing of it stays.
const setRejectionHandler = globalThis.Graal.setUnhandledPromiseRejectionHandler;
delete globalThis.Graal;

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
}

// A global loaded on first use, then a plain writable property, so startup stays small.
function defineLazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get() {
      const value = load();
      defineGlobal(name, value, enumerable);
      return value;
    },
    set(value) {
      defineGlobal(name, value, enumerable);
    },
  });
}

const taskQueues = requireBuiltin('internal/task_queues');
const timers = requireBuiltin('internal/timers');
const process = requireBuiltin('internal/process');
const modules = requireBuiltin('internal/modules');

defineGlobal('global', globalThis);
Object.defineProperty(globalThis, 'process', {
  configurable: true,
  enumerable: false,
  get() { return process; },
  set(value) { defineGlobal('process', value); },
});
defineGlobal('queueMicrotask', taskQueues.queueMicrotask, true);
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate']) {
  defineGlobal(name, timers[name], true);
}
defineLazyGlobal('console', () => requireBuiltin('console'));
defineLazyGlobal('Buffer', () => requireBuiltin('buffer').Buffer);
defineLazyGlobal('atob', () => requireBuiltin('buffer').atob, true);
defineLazyGlobal('btoa', () => requireBuiltin('buffer').btoa, true);
defineLazyGlobal('structuredClone',
  () => requireBuiltin('internal/structured_clone').structuredClone, true);
defineLazyGlobal('AbortController',
  () => requireBuiltin('internal/abort_controller').AbortController);
defineLazyGlobal('AbortSignal', () => requireBuiltin('internal/abort_controller').AbortSignal);
defineLazyGlobal('Event', () => requireBuiltin('internal/event_target').Event);
defineLazyGlobal('EventTarget', () => requireBuiltin('internal/event_target').EventTarget);
defineLazyGlobal('CustomEvent', () => requireBuiltin('internal/event_target').CustomEvent);
defineLazyGlobal('DOMException', () => requireBuiltin('internal/dom_exception').DOMException);
defineLazyGlobal('performance', () => requireBuiltin('perf_hooks').performance, true);
defineLazyGlobal('crypto', () => requireBuiltin('crypto').webcrypto, true);

setRejectionHandler(taskQueues.onUnhandledRejection);

// Reached from generated ES modules (see ModuleFileSystem): builtins and CommonJS files.
Object.defineProperty(globalThis, Symbol.for('loopd.builtin'), {
  value: modules.requireBuiltinForUser, enumerable: false,
});
Object.defineProperty(globalThis, Symbol.for('loopd.requireFile'), {
  value: modules.requireFile, enumerable: false,
});

function exportNames(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return [];
  return Object.keys(value).filter((k) => k !== 'default');
}

return {
  processTimers: taskQueues.entry(timers.processTimers),
  processImmediate: taskQueues.entry(timers.processImmediate),
  runTicks: taskQueues.runTicks,
  runRejections: taskQueues.entry(taskQueues.runRejections),
  handleUncaught: taskQueues.handleUncaught,
  formatFatal: taskQueues.formatFatal,
  completeRequest: taskQueues.entry(requireBuiltin('internal/requests').completeRequest),
  emitProcessEvent: taskQueues.entry(process[Symbol.for('loopd.emitProcessEvent')]),
  exitCode: () => process.exitCode === undefined ? 0 : (process.exitCode | 0),
  runCommonJsMain: taskQueues.entry(modules.runMain),
  builtinKeys: (id) => {
    try { return exportNames(modules.requireBuiltinForUser(id)); } catch { return []; }
  },
  requireFileKeys: (path) => exportNames(modules.requireFile(path)),
};
