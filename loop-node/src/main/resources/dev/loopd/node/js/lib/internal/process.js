'use strict';
// The `process` object: an EventEmitter with Node's fields, backed by the loop and the host.

const EventEmitter = require('events');
const host = internalBinding('process');
const { hrtime: hrtimeNs, reallyExit, originNanos } = internalBinding('loop');
const { writeStdout, writeStderr } = internalBinding('stdio');
const { nextTick } = require('internal/task_queues');

const NODE_VERSION = 'v20.20.2';

function makeProcess() {
  function process() {}
  Object.setPrototypeOf(process.prototype, EventEmitter.prototype);
  const p = Object.create(process.prototype);
  EventEmitter.call(p);
  return p;
}

const process = makeProcess();

function toArray(list) {
  const out = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

// process.env: values are strings (assigning 42 stores '42'), as in Node.
const envStore = {};
for (const key of Object.keys(host.env)) envStore[key] = host.env[key];
const env = new Proxy(envStore, {
  set(target, key, value) {
    if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    target[key] = String(value);
    return true;
  },
  defineProperty(target, key, descriptor) {
    if ('value' in descriptor) descriptor = { ...descriptor, value: String(descriptor.value) };
    return Reflect.defineProperty(target, key, descriptor);
  },
});

let exitCode;
let warnedOnce = false;

Object.assign(process, {
  title: 'loop-node',
  version: NODE_VERSION,
  versions: { node: NODE_VERSION.slice(1), loopd: '0.1.0', graaljs: '25.0' },
  arch: 'x64',
  platform: 'linux',
  release: { name: 'node', lts: 'Iron' },
  argv: toArray(host.argv),
  execArgv: [],
  env,
  pid: host.pid,
  ppid: host.ppid,
  execPath: host.execPath,
  debugPort: 9229,
  features: { inspector: false, ipv6: true, tls: false, cached_builtins: true },
  config: { variables: {} },
  _exiting: false,
});


process.argv0 = process.argv[0];

Object.defineProperty(process, 'exitCode', {
  enumerable: true,
  configurable: false,
  get() {
    return exitCode;
  },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
      if (!Number.isInteger(value)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('code', 'integer', code);
      }
    }
    exitCode = code;
  },
});

function hrtime(time) {
  const ns = hrtimeNs();
  let sec = Math.floor(ns / 1e9);
  let nsec = ns - sec * 1e9;
  if (time !== undefined) {
    if (!Array.isArray(time)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('time', 'an instance of Array', time);
    }
    if (time.length !== 2) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_OUT_OF_RANGE('time', 2, time.length);
    }
    sec -= time[0];
    nsec -= time[1];
    if (nsec < 0) {
      sec--;
      nsec += 1e9;
    }
  }
  return [sec, nsec];
}
hrtime.bigint = () => BigInt(hrtimeNs());

function memoryUsage() {
  const [rss, heapTotal, heapUsed] = host.memoryUsage();
  return { rss, heapTotal, heapUsed, external: 0, arrayBuffers: 0 };
}
memoryUsage.rss = () => host.memoryUsage()[0];

let lastCpu = 0;
function cpuUsage(previous) {
  const total = host.cpuUsage();
  const usage = { user: total, system: 0 };
  lastCpu = total;
  if (previous) {
    usage.user -= previous.user;
    usage.system -= previous.system;
  }
  return usage;
}

function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCode === undefined ? 0 : exitCode | 0);
  }
  reallyExit(exitCode === undefined ? 0 : exitCode | 0);
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ({ type, code, detail } = type);
  } else if (typeof type === 'function') {
    type = undefined;
  } else if (typeof code === 'function') {
    // emitWarning(message, type, ctor), as util.deprecate calls it.
    code = undefined;
  }
  if (typeof warning === 'string') {
    const err = new Error(warning);
    err.name = String(type || 'Warning');
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
    warning = err;
  } else if (!(warning instanceof Error)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  if (warning.name === 'DeprecationWarning' && process.throwDeprecation) throw warning;
  nextTick(() => process.emit('warning', warning));
}

// Node's default 'warning' listener: one line on stderr, and a hint after the first.
function printWarning(warning) {
  if (process.noProcessWarnings) return;
  const code = warning.code ? `[${warning.code}] ` : '';
  let text = `(node:${process.pid}) ${code}${warning.name}: ${warning.message}\n`;
  if (typeof warning.detail === 'string') text += `${warning.detail}\n`;
  if (!warnedOnce) {
    warnedOnce = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    text += `(Use \`node ${flag} ...\` to show where the warning was created)\n`;
  }
  writeStderr(text);
}

function makeStream(fd, write) {
  const stream = new EventEmitter();
  Object.assign(stream, {
    fd,
    isTTY: false,
    writable: true,
    _isStdio: true,
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') {
        callback = encoding;
        encoding = undefined;
      }
      if (typeof chunk === 'string') {
        write(chunk);
      } else if (chunk instanceof Uint8Array) {
        const { Buffer } = require('buffer');
        write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          .toString(typeof encoding === 'string' ? encoding : 'utf8'));
      } else {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
      if (typeof callback === 'function') nextTick(callback, null);
      return true;
    },
    end(chunk, encoding, callback) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        this.write(chunk, encoding);
      }
      const cb = [chunk, encoding, callback].find((f) => typeof f === 'function');
      if (cb) nextTick(cb);
      return this;
    },
    cork() {},
    uncork() {},
    setDefaultEncoding() {
      return this;
    },
    getColorDepth() {
      return 1;
    },
    hasColors() {
      return false;
    },
  });
  return stream;
}

function unsupported(name, why) {
  return function() {
    const err = new Error(`process.${name}() is not supported by loopd: ${why}`);
    err.code = 'ERR_LOOPD_UNSUPPORTED';
    throw err;
  };
}

Object.assign(process, {
  nextTick,
  hrtime,
  memoryUsage,
  cpuUsage,
  exit,
  reallyExit: (code) => reallyExit(code | 0),
  emitWarning,
  uptime: () => (hrtimeNs() - originNanos()) / 1e9,
  cwd: () => host.cwd,
  chdir: unsupported('chdir', 'the working directory is fixed'),
  umask: () => 0o22,
  abort: () => reallyExit(134),
  kill: unsupported('kill', 'loop nodes cannot signal processes'),
  binding: unsupported('binding', 'internal bindings are not exposed'),
  _linkedBinding: unsupported('_linkedBinding', 'internal bindings are not exposed'),
  dlopen: unsupported('dlopen', 'native addons cannot be loaded'),
  getuid: () => 0,
  geteuid: () => 0,
  getgid: () => 0,
  getegid: () => 0,
  getActiveResourcesInfo: () => [],
  setUncaughtExceptionCaptureCallback: unsupported('setUncaughtExceptionCaptureCallback',
    'use process.on("uncaughtException")'),
  hasUncaughtExceptionCaptureCallback: () => false,
});
// A handler's context (loop-node serve): the process is the node's, not the handler's. A handler
// ends by returning its response; nothing it does may stop the node.
if (host.sandboxed) {
  const why = 'handlers share the node; a handler ends by returning its response';
  Object.assign(process, {
    exit: unsupported('exit', why),
    reallyExit: unsupported('reallyExit', why),
    abort: unsupported('abort', why),
  });
}
process.stdout = makeStream(1, writeStdout);
process.stderr = makeStream(2, writeStderr);
process.stdin = makeStream(0, () => {});
process.on('warning', printWarning);
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: false, enumerable: false, configurable: true,
});

/** Emits 'beforeExit' or 'exit' (once) for the Java loop; `code` sets the exit code first. */
function emitProcessEvent(name, code) {
  if (name === 'exit') {
    if (code !== undefined) exitCode = code;
    if (process._exiting) return;
    process._exiting = true;
  }
  process.emit(name, exitCode === undefined ? 0 : exitCode | 0);
}

module.exports = process;
Object.defineProperty(process, Symbol.for('loopd.emitProcessEvent'), { value: emitProcessEvent });
