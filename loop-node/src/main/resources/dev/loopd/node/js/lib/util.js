'use strict';
// The 'util' module, as Node v20 (lib/util.js, MIT). Not provided: parseArgs, parseEnv,
// MIMEType/MIMEParams (the properties exist and throw ERR_METHOD_NOT_IMPLEMENTED when used).

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
  isErrorStackTraceLimitWritable,
  recaptureStackTrace,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog, shouldColorize } = require('internal/util/debuglog');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateString,
  validateOneOf,
} = require('internal/validators');
const types = require('internal/util/types');
const { promisify, deprecate } = require('internal/util/promisify');

let abortController;
function lazyAbortController() {
  abortController ??= require('internal/abort_controller');
  return abortController;
}

let internalDeepEqual;

/**
 * @deprecated since v4.0.0
 */
function isBoolean(arg) {
  return typeof arg === 'boolean';
}

/**
 * @deprecated since v4.0.0
 */
function isNull(arg) {
  return arg === null;
}

/**
 * @deprecated since v4.0.0
 */
function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

/**
 * @deprecated since v4.0.0
 */
function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

/**
 * @deprecated since v4.0.0
 */
function isSymbol(arg) {
  return typeof arg === 'symbol';
}

/**
 * @deprecated since v4.0.0
 */
function isUndefined(arg) {
  return arg === undefined;
}

/**
 * @deprecated since v4.0.0
 */
function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

/**
 * @deprecated since v4.0.0
 */
function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

/**
 * @deprecated since v4.0.0
 */
function isFunction(arg) {
  return typeof arg === 'function';
}

/**
 * @deprecated since v4.0.0
 */
function isPrimitive(arg) {
  return arg === null ||
         (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(b) {
  return require('buffer').Buffer.isBuffer(b);
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

function escapeStyleCode(code) {
  return `\u001b[${code}m`;
}

// What Node's stream utilities recognize as a stream (for styleText's validation).
function isNodeStream(obj) {
  return !!(obj && (
    obj._readableState ||
    obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')
  ));
}

function isWebStream(obj) {
  const { ReadableStream, WritableStream } = globalThis;
  return (typeof ReadableStream === 'function' && obj instanceof ReadableStream) ||
    (typeof WritableStream === 'function' && obj instanceof WritableStream);
}

/**
 * @param {string | string[]} format
 * @param {string} text
 * @param {object} [options={}]
 * @param {boolean} [options.validateStream=true] - Whether to validate the stream.
 * @param {Stream} [options.stream=process.stdout] - The stream used for validation.
 * @returns {string}
 */
function styleText(format, text, { validateStream = true, stream = globalThis.process?.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');

  if (validateStream) {
    if (!isWebStream(stream) && !isNodeStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
  }

  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const formatCodes = inspect.colors[key];
      if (formatCodes == null) {
        validateOneOf(key, 'format', Object.keys(inspect.colors));
      }
      left += escapeStyleCode(formatCodes[0]);
      right = `${escapeStyleCode(formatCodes[1])}${right}`;
    }

    return `${left}${text}${right}`;
  }

  const formatCodes = inspect.colors[format];
  if (formatCodes == null) {
    validateOneOf(format, 'format', Object.keys(inspect.colors));
  }

  // Check colorize only after validating arg type and value
  if (validateStream && (!stream || !shouldColorize(stream))) {
    return text;
  }

  return `${escapeStyleCode(formatCodes[0])}${text}${escapeStyleCode(formatCodes[1])}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
                'Oct', 'Nov', 'Dec'];

/**
 * @returns {string}  26 Feb 16:19:34
 */
function timestamp() {
  const d = new Date();
  const t = [
    pad(d.getHours()),
    pad(d.getMinutes()),
    pad(d.getSeconds()),
  ].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

/**
 * Log is just a thin wrapper to console.log that prepends a timestamp
 * @deprecated since v6.0.0
 */
function log(...args) {
  require('console').log('%s - %s', timestamp(), format(...args));
}

/**
 * Inherit the prototype methods from one constructor into another.
 * @param {Function} ctor Constructor function which needs to inherit the
 *     prototype.
 * @param {Function} superCtor Constructor function to inherit prototype from.
 * @throws {TypeError} Will error if either constructor is null, or if
 *     the super constructor lacks a prototype.
 */
function inherits(ctor, superCtor) {

  if (ctor === undefined || ctor === null)
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);

  if (superCtor === undefined || superCtor === null)
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);

  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype',
                                   'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

/**
 * @deprecated since v6.0.0
 */
function _extend(target, source) {
  // Don't do anything if source isn't an object
  if (source === null || typeof source !== 'object') return target;

  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

const callbackifyOnRejected = (reason, cb) => {
  // `!reason` guard inspired by bluebird (Ref: https://goo.gl/t5IS6M).
  // Because `null` is a special error value in callbacks which means "no error
  // occurred", we error-wrap so the callback consumer can distinguish between
  // "the promise rejected with null" or "the promise fulfilled with undefined".
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
    recaptureStackTrace(reason, callbackifyOnRejected);
  }
  return cb(reason);
};

function callbackify(original) {
  validateFunction(original, 'original');

  // We DO NOT return the promise as it gives the user a false sense that
  // the promise is actually somehow related to the callback's execution
  // and that the callback throwing will reject the promise.
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    // In true node style we process the callback on `nextTick` with all the
    // implications (stack, `uncaughtException`, `async_hooks`)
    Reflect.apply(original, this, args)
      .then((ret) => globalThis.process.nextTick(cb, null, ret),
            (rej) => globalThis.process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  // It is possible to manipulate a functions `length` or `name` property. This
  // guards against the manipulation.
  if (typeof descriptors.length.value === 'number') {
    descriptors.length.value++;
  }
  if (typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    // We want to use null-prototype objects to not rely on globally mutable
    // %Object.prototype%.
    Object.setPrototypeOf(propertiesValues[i], null);
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// libuv's error numbers on Linux, with their names and messages.
let errorMap;
function getSystemErrorMap() {
  errorMap ??= new Map([
  [-7, ['E2BIG', 'argument list too long']], [-13, ['EACCES', 'permission denied']],
  [-98, ['EADDRINUSE', 'address already in use']],
  [-99, ['EADDRNOTAVAIL', 'address not available']],
  [-97, ['EAFNOSUPPORT', 'address family not supported']],
  [-11, ['EAGAIN', 'resource temporarily unavailable']],
  [-3000, ['EAI_ADDRFAMILY', 'address family not supported']],
  [-3001, ['EAI_AGAIN', 'temporary failure']], [-3002, ['EAI_BADFLAGS', 'bad ai_flags value']],
  [-3013, ['EAI_BADHINTS', 'invalid value for hints']],
  [-3003, ['EAI_CANCELED', 'request canceled']], [-3004, ['EAI_FAIL', 'permanent failure']],
  [-3005, ['EAI_FAMILY', 'ai_family not supported']], [-3006, ['EAI_MEMORY', 'out of memory']],
  [-3007, ['EAI_NODATA', 'no address']], [-3008, ['EAI_NONAME', 'unknown node or service']],
  [-3009, ['EAI_OVERFLOW', 'argument buffer overflow']],
  [-3014, ['EAI_PROTOCOL', 'resolved protocol is unknown']],
  [-3010, ['EAI_SERVICE', 'service not available for socket type']],
  [-3011, ['EAI_SOCKTYPE', 'socket type not supported']],
  [-114, ['EALREADY', 'connection already in progress']], [-9, ['EBADF', 'bad file descriptor']],
  [-16, ['EBUSY', 'resource busy or locked']], [-125, ['ECANCELED', 'operation canceled']],
  [-4080, ['ECHARSET', 'invalid Unicode character']],
  [-103, ['ECONNABORTED', 'software caused connection abort']],
  [-111, ['ECONNREFUSED', 'connection refused']],
  [-104, ['ECONNRESET', 'connection reset by peer']],
  [-89, ['EDESTADDRREQ', 'destination address required']], [-17, ['EEXIST', 'file already exists']],
  [-14, ['EFAULT', 'bad address in system call argument']], [-27, ['EFBIG', 'file too large']],
  [-113, ['EHOSTUNREACH', 'host is unreachable']], [-4, ['EINTR', 'interrupted system call']],
  [-22, ['EINVAL', 'invalid argument']], [-5, ['EIO', 'i/o error']],
  [-106, ['EISCONN', 'socket is already connected']],
  [-21, ['EISDIR', 'illegal operation on a directory']],
  [-40, ['ELOOP', 'too many symbolic links encountered']], [-24, ['EMFILE', 'too many open files']],
  [-90, ['EMSGSIZE', 'message too long']], [-36, ['ENAMETOOLONG', 'name too long']],
  [-100, ['ENETDOWN', 'network is down']], [-101, ['ENETUNREACH', 'network is unreachable']],
  [-23, ['ENFILE', 'file table overflow']], [-105, ['ENOBUFS', 'no buffer space available']],
  [-19, ['ENODEV', 'no such device']], [-2, ['ENOENT', 'no such file or directory']],
  [-12, ['ENOMEM', 'not enough memory']], [-64, ['ENONET', 'machine is not on the network']],
  [-92, ['ENOPROTOOPT', 'protocol not available']], [-28, ['ENOSPC', 'no space left on device']],
  [-38, ['ENOSYS', 'function not implemented']], [-107, ['ENOTCONN', 'socket is not connected']],
  [-20, ['ENOTDIR', 'not a directory']], [-39, ['ENOTEMPTY', 'directory not empty']],
  [-88, ['ENOTSOCK', 'socket operation on non-socket']],
  [-95, ['ENOTSUP', 'operation not supported on socket']],
  [-75, ['EOVERFLOW', 'value too large for defined data type']],
  [-1, ['EPERM', 'operation not permitted']], [-32, ['EPIPE', 'broken pipe']],
  [-71, ['EPROTO', 'protocol error']], [-93, ['EPROTONOSUPPORT', 'protocol not supported']],
  [-91, ['EPROTOTYPE', 'protocol wrong type for socket']], [-34, ['ERANGE', 'result too large']],
  [-30, ['EROFS', 'read-only file system']],
  [-108, ['ESHUTDOWN', 'cannot send after transport endpoint shutdown']],
  [-29, ['ESPIPE', 'invalid seek']], [-3, ['ESRCH', 'no such process']],
  [-110, ['ETIMEDOUT', 'connection timed out']], [-26, ['ETXTBSY', 'text file is busy']],
  [-18, ['EXDEV', 'cross-device link not permitted']], [-4094, ['UNKNOWN', 'unknown error']],
  [-4095, ['EOF', 'end of file']], [-6, ['ENXIO', 'no such device or address']],
  [-31, ['EMLINK', 'too many links']], [-112, ['EHOSTDOWN', 'host is down']],
  [-121, ['EREMOTEIO', 'remote I/O error']], [-25, ['ENOTTY', 'inappropriate ioctl for device']],
  [-4028, ['EFTYPE', 'inappropriate file type or format']],
  [-84, ['EILSEQ', 'illegal byte sequence']],
  [-94, ['ESOCKTNOSUPPORT', 'socket type not supported']], [-61, ['ENODATA', 'no data available']],
  [-49, ['EUNATCH', 'protocol driver not attached']],
  ]);
  return errorMap;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  const entry = getSystemErrorMap().get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function _errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const message = original ?
    `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  // Node's version ends up without stack frames (it re-captures the stack above a function
  // that is not on the stack).
  const writable = isErrorStackTraceLimitWritable();
  const limit = Error.stackTraceLimit;
  if (writable) Error.stackTraceLimit = 0;
  const e = new Error(message);
  if (writable) Error.stackTraceLimit = limit;
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = getSystemErrorName(err);
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  if (additional) {
    details += ` - Local (${additional})`;
  }
  const e = new Error(`${syscall} ${code}${details}`);
  recaptureStackTrace(e, _exceptionWithHostPort);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  e.address = address;
  if (port) {
    e.port = port;
  }
  return e;
}

// Named like the missing function (`util.parseEnv` -> parseEnv).
function notImplemented(name) {
  const short = name.slice(name.lastIndexOf('.') + 1);
  return {
    [short]() {
      throw new ERR_METHOD_NOT_IMPLEMENTED(name);
    },
  }[short];
}

// Keep the `exports =` so that various functions can still be monkeypatched
module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual(a, b) {
    if (internalDeepEqual === undefined) {
      internalDeepEqual = require('internal/util/comparisons')
        .isDeepStrictEqual;
    }
    return internalDeepEqual(a, b);
  },
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return `${input}`.toWellFormed();
  },
  get transferableAbortSignal() {
    return lazyAbortController().transferableAbortSignal;
  },
  get transferableAbortController() {
    return lazyAbortController().transferableAbortController;
  },
  get aborted() {
    return lazyAbortController().aborted;
  },
  types,
  parseEnv: notImplemented('util.parseEnv'),
};

// Properties loaded on first access, like Node's defineLazyProperties: enumerable accessors
// that turn into plain data properties when first read or written.
function defineLazyProperties(target, id, keys, notProvided = false) {
  for (const key of keys) {
    let lazyLoadedValue;
    const set = {
      [`set ${key}`](value) {
        Object.defineProperty(target, key, { __proto__: null, writable: true, value });
      },
    }[`set ${key}`];
    const get = {
      [`get ${key}`]() {
        if (lazyLoadedValue === undefined) {
          lazyLoadedValue = notProvided ? notImplemented(`util.${key}`) : require(id)[key];
          set(lazyLoadedValue);
        }
        return lazyLoadedValue;
      },
    }[`get ${key}`];
    Object.defineProperty(target, key, {
      __proto__: null, configurable: true, enumerable: true, get, set,
    });
  }
}

defineLazyProperties(module.exports, 'internal/util/parse_args', ['parseArgs'], true);
defineLazyProperties(module.exports, 'internal/encoding', ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams'], true);
