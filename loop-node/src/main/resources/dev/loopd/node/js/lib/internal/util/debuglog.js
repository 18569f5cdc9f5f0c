'use strict';
// util.debuglog(section): a logger that writes `SECTION PID: message` to stderr when the
// NODE_DEBUG environment variable names the section (comma-separated, `*` wildcards, any case),
// and does nothing otherwise. As Node v20 (lib/internal/util/debuglog.js, MIT).

let debugImpls;
let testEnabled;

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}

// Node reads NODE_DEBUG once, at startup; here on first use.
function initializeDebugEnv() {
  debugImpls = { __proto__: null };
  let debugEnv;
  try {
    debugEnv = globalThis.process.env.NODE_DEBUG;
  } catch {
    debugEnv = undefined;
  }
  if (debugEnv) {
    debugEnv = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const debugEnvRegex = new RegExp(`^${debugEnv}$`, 'i');
    testEnabled = (str) => debugEnvRegex.exec(str) !== null;
  } else {
    testEnabled = () => false;
  }
}

function emitWarningIfNeeded(set) {
  if ('HTTP' === set || 'HTTP2' === set) {
    globalThis.process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      'to \'' + set.toLowerCase() + '\' can expose sensitive ' +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

const noop = () => {};

function shouldColorize(stream) {
  const env = globalThis.process?.env;
  if (env && env.FORCE_COLOR !== undefined) {
    return ['', '1', 'true', '2', '3'].includes(env.FORCE_COLOR);
  }
  return !!(stream?.isTTY && (
    typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = globalThis.process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const { inspect, format, formatWithOptions } = lazyInspect();
        const stderr = globalThis.process.stderr;
        const colors = shouldColorize(stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

function debuglog(set, cb) {
  function init() {
    if (debugImpls === undefined) initializeDebugEnv();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function')
      cb(debug);
    return debug(...args);
  };
  let enabled;
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  shouldColorize,
};
