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

// A handler's context (loop-node serve): console and process.stdout/stderr become log lines of the
// invocation running, and an error nobody handles fails that invocation instead of the process.
const sandboxed = bindings.process.sandboxed === true;
let currentInvocationId = () => '';
let onHandlerUncaught = null;
if (sandboxed) {
  const raw = bindings.stdio;
  bindings.stdio = {
    writeStdout: (text) => raw.writeStdout(text, currentInvocationId()),
    writeStderr: (text) => raw.writeStderr(text, currentInvocationId()),
  };
  bindings.loop.fatal = (err) => onHandlerUncaught(err);
}

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
// console is loaded before the script runs, not on first use: nearly every script logs, and a
// first console.log that loads util.inspect on a cold JVM takes long enough to skew timers.
defineGlobal('console', requireBuiltin('console'));
defineLazyGlobal('Buffer', () => requireBuiltin('buffer').Buffer);
defineLazyGlobal('atob', () => requireBuiltin('buffer').atob, true);
defineLazyGlobal('btoa', () => requireBuiltin('buffer').btoa, true);
defineLazyGlobal('structuredClone',
  () => requireBuiltin('internal/structured_clone').structuredClone, true);
defineLazyGlobal('AbortController',
  () => requireBuiltin('internal/abort_controller').AbortController);
defineLazyGlobal('AbortSignal', () => requireBuiltin('internal/abort_controller').AbortSignal);
defineLazyGlobal('URL', () => requireBuiltin('internal/url').URL);
defineLazyGlobal('URLSearchParams', () => requireBuiltin('internal/url').URLSearchParams);
defineLazyGlobal('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
defineLazyGlobal('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
defineLazyGlobal('Event', () => requireBuiltin('internal/event_target').Event);
defineLazyGlobal('EventTarget', () => requireBuiltin('internal/event_target').EventTarget);
defineLazyGlobal('CustomEvent', () => requireBuiltin('internal/event_target').CustomEvent);
defineLazyGlobal('DOMException', () => requireBuiltin('internal/dom_exception').DOMException);
defineLazyGlobal('performance', () => requireBuiltin('perf_hooks').performance, true);
defineLazyGlobal('crypto', () => requireBuiltin('crypto').webcrypto, true);

setRejectionHandler(taskQueues.onUnhandledRejection);

// Run the scheduling paths once before the script does. A cold JVM takes tens of milliseconds
// over the first call of each; paid inside the script, that skews timers' start times (Node's
// getLibuvNow reads the clock at every call), and `setTimeout(a, 60); setTimeout(b, 20)` would
// not fire b first as it does in node.
(function warmSchedulingPaths() {
  for (let i = 0; i < 3; i++) {
    timers.clearTimeout(timers.setTimeout(() => {}, 1 + i));
    timers.clearInterval(timers.setInterval(() => {}, 1));
    timers.clearImmediate(timers.setImmediate(() => {}));
  }
})();

// Reached from generated ES modules (see ModuleFileSystem): builtins and CommonJS files.
Object.defineProperty(globalThis, Symbol.for('loopd.builtin'), {
  value: modules.requireBuiltinForUser, enumerable: false,
});
Object.defineProperty(globalThis, Symbol.for('loopd.requireFile'), {
  value: modules.requireFile, enumerable: false,
});

let handlerEntries;
if (sandboxed) {
  const handler = requireBuiltin('internal/handler');
  currentInvocationId = handler.currentInvocationId;
  onHandlerUncaught = handler.onUncaught;
  handlerEntries = {
    setHandler: handler.setHandler,
    invoke: taskQueues.entry(handler.invoke),
    abort: taskQueues.entry(handler.abort),
    takeInterrupted: handler.takeInterrupted,
    onUncaught: handler.onUncaught,
  };
}

function exportNames(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return [];
  return Object.keys(value).filter((k) => k !== 'default');
}

return {
  // A timer or immediate that threw: the loop calls again for the rest of the phase.
  processTimers: taskQueues.entry(timers.processTimers, Infinity),
  processImmediate: taskQueues.entry(timers.processImmediate, true),
  runTicks: taskQueues.drainTicksReporting,
  runRejections: taskQueues.entry(taskQueues.runRejections),
  handleUncaught: taskQueues.handleUncaught,
  formatFatal: taskQueues.formatFatal,
  completeRequest: taskQueues.entry(requireBuiltin('internal/requests').completeRequest),
  emitProcessEvent: taskQueues.entry(process[Symbol.for('loopd.emitProcessEvent')]),
  exitCode: () => process.exitCode === undefined ? 0 : (process.exitCode | 0),
  runCommonJsMain: taskQueues.entry(modules.runMain),
  runEsmMain: taskQueues.entry(modules.runEsmMain),
  esmMainUnsettled: modules.esmMainUnsettled,
  builtinKeys: (id) => {
    try { return exportNames(modules.requireBuiltinForUser(id)); } catch { return []; }
  },
  requireFileKeys: (path) => exportNames(modules.requireFile(path)),
  handler: handlerEntries,
};
