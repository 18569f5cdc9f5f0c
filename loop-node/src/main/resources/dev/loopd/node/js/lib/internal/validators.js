'use strict';
// Argument validators with Node v20's exact error messages (lib/internal/validators.js, MIT).
// Each throws a Node error whose stack starts at the validator's caller, as in Node.

const {
  codes: {
    ERR_SOCKET_BAD_PORT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  hideStackFrames,
  recaptureStackTrace,
  clearStackFrames,
} = require('internal/errors');

// Throws `error` with its stack starting at the caller of `fn`, as Node's hideStackFrames does
// for its validators (only the failing path pays for it).
function hidden(error, fn) {
  return recaptureStackTrace(error, fn);
}

function isInt32(value) {
  return value === (value | 0);
}

function isUint32(value) {
  return value === (value >>> 0);
}

// Linux signal numbers (what os.constants.signals holds in Node on Linux).
const signals = {
  __proto__: null,
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
  SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
  SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
  SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
  SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (octalReg.exec(value) === null) {
      // (In Node this error has no stack frames: it is made for a hideStackFrames wrapper that
      // parseFileMode does not have. Same below for validateAbortSignalArray and validateUnion.)
      throw clearStackFrames(new ERR_INVALID_ARG_VALUE(name, value, modeDesc));
    }
    value = Number.parseInt(value, 8);
  }

  validateUint32(value, name);
  return value;
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
                         max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number')
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateInteger);
  if (!Number.isInteger(value))
    throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateInteger);
  if (value < min || value > max)
    throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateInteger);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  // The defaults for min and max correspond to the limits of 32-bit integers.
  if (typeof value !== 'number') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateInt32);
  }
  if (!Number.isInteger(value)) {
    throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateInt32);
  }
  if (value < min || value > max) {
    throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateInt32);
  }
}

function validateUint32(value, name, positive = false) {
if (typeof value !== 'number') {
  throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateUint32);
}
  if (!Number.isInteger(value)) {
    throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateUint32);
  }
  const min = positive ? 1 : 0;
  // 2 ** 32 === 4294967296
  const max = 4_294_967_295;
  if (value < min || value > max) {
    throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateUint32);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string')
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'string', value), validateString);
}

function validateNumber(value, name, min = undefined, max) {
if (typeof value !== 'number')
  throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateNumber);

if ((min != null && value < min) || (max != null && value > max) ||
  ((min != null || max != null) && Number.isNaN(value))) {
  throw hidden(new ERR_OUT_OF_RANGE(
    name,
    `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
    value), validateNumber);
}
}

function validateOneOf(value, name, oneOf) {
if (!oneOf.includes(value)) {
  const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
  const reason = 'must be one of: ' + allowed;
  throw hidden(new ERR_INVALID_ARG_VALUE(name, value, reason), validateOneOf);
}
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean')
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'boolean', value), validateBoolean);
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;
const kValidateObjectAllowObjects = kValidateObjectAllowArray |
  kValidateObjectAllowFunction;
const kValidateObjectAllowObjectsAndNull = kValidateObjectAllowNullable |
  kValidateObjectAllowArray |
  kValidateObjectAllowFunction;

/**
 * validateObject(value, name, options): `options` is a bit set of the kValidateObject* flags
 * (allow null, arrays, functions); by default only non-null, non-array objects pass.
 */
function validateObject(value, name, options = kValidateObjectNone) {
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value)) {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }

    if (typeof value !== 'object') {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }
  } else {
    const throwOnNullable = (kValidateObjectAllowNullable & options) === 0;

    if (throwOnNullable && value === null) {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }

    const throwOnArray = (kValidateObjectAllowArray & options) === 0;

    if (throwOnArray && Array.isArray(value)) {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }

    const throwOnFunction = (kValidateObjectAllowFunction & options) === 0;
    const typeofValue = typeof value;

    if (typeofValue !== 'object' && (throwOnFunction || typeofValue !== 'function')) {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }
  }
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value), validateDictionary);
  }
}

function validateArray(value, name, minLength = 0) {
if (!Array.isArray(value)) {
  throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Array', value), validateArray);
}
  if (value.length < minLength) {
    const reason = `must be longer than ${minLength}`;
    throw hidden(new ERR_INVALID_ARG_VALUE(name, value, reason), validateArray);
  }
}

const validateStringArray = hideStackFrames((value, name) => {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) {
    if (typeof value[i] !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
    }
  }
});

const validateBooleanArray = hideStackFrames((value, name) => {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) {
    if (value[i] !== true && value[i] !== false) {
      throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'boolean', value[i]);
    }
  }
});

function validateAbortSignalArray(value, name) {
validateArray(value, name);
for (let i = 0; i < value.length; i++) {
  const signal = value[i];
  const indexedName = `${name}[${i}]`;
  if (signal == null) {
    throw clearStackFrames(new ERR_INVALID_ARG_TYPE(indexedName, 'AbortSignal', signal));
  }
  validateAbortSignal(signal, indexedName);
}
}

const validateSignalName = hideStackFrames((signal, name = 'signal') => {
  validateString(signal, name);

  if (signals[signal] === undefined) {
    if (signals[signal.toUpperCase()] !== undefined) {
      throw new ERR_UNKNOWN_SIGNAL(signal +
                                   ' (signals must use all capital letters)');
    }

    throw new ERR_UNKNOWN_SIGNAL(signal);
  }
});

function validateBuffer(buffer, name = 'buffer') {
if (!ArrayBuffer.isView(buffer)) {
  throw hidden(new ERR_INVALID_ARG_TYPE(name,
                                 ['Buffer', 'TypedArray', 'DataView'],
                                 buffer), validateBuffer);
}
}

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

function validateEncoding(data, encoding) {
const normalizedEncoding = normalizeEncoding(encoding);
const length = data.length;

if (normalizedEncoding === 'hex' && length % 2 !== 0) {
  throw hidden(new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                  `is invalid for data of length ${length}`), validateEncoding);
}
}

function validatePort(port, name = 'Port', allowZero = true) {
if ((typeof port !== 'number' && typeof port !== 'string') ||
    (typeof port === 'string' && port.trim().length === 0) ||
    +port !== (+port >>> 0) ||
    port > 0xFFFF ||
    (port === 0 && !allowZero)) {
  throw hidden(new ERR_SOCKET_BAD_PORT(name, port, allowZero), validatePort);
}
  return port | 0;
}

function validateAbortSignal(signal, name) {
if (signal !== undefined &&
    (signal === null ||
     typeof signal !== 'object' ||
     !('aborted' in signal))) {
  throw hidden(new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal), validateAbortSignal);
}
}

function validateFunction(value, name) {
  if (typeof value !== 'function')
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value), validateFunction);
}

let isAsyncFunction;
function validatePlainFunction(value, name) {
  isAsyncFunction ??= require('internal/util/types').isAsyncFunction;
  if (typeof value !== 'function' || isAsyncFunction(value))
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value), validatePlainFunction);
}

function validateUndefined(value, name) {
  if (value !== undefined)
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'undefined', value), validateUndefined);
}

function validateUnion(value, name, union) {
if (!union.includes(value)) {
  throw clearStackFrames(new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value));
}
}

function validateInternalField(object, fieldKey, className) {
if (typeof object !== 'object' || object === null ||
    !Object.prototype.hasOwnProperty.call(object, fieldKey)) {
  throw hidden(new ERR_INVALID_ARG_TYPE('this', className, object), validateInternalField);
}
}

// 1. Returns false for undefined and NaN
// 2. Returns true for finite numbers
// 3. Throws ERR_INVALID_ARG_TYPE for non-numbers
// 4. Throws ERR_OUT_OF_RANGE for infinite numbers
const validateFiniteNumber = hideStackFrames((number, name) => {
  // Common case
  if (number === undefined) {
    return false;
  }

  if (Number.isFinite(number)) {
    return true; // Is a valid number
  }

  if (Number.isNaN(number)) {
    return false;
  }

  validateNumber(number, name);

  // Infinite numbers
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
});

// 1. Returns def for number when it's undefined or NaN
// 2. Returns number for finite numbers >= lower and <= upper
// 3. Throws ERR_INVALID_ARG_TYPE for non-numbers
// 4. Throws ERR_OUT_OF_RANGE for infinite numbers or numbers > upper or < lower
const checkRangesOrGetDefault = hideStackFrames(
  (number, name, lower, upper, def) => {
    if (!validateFiniteNumber(number, name)) {
      return def;
    }
    if (number < lower || number > upper) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
    }
    return number;
  },
);

module.exports = {
  isInt32,
  isUint32,
  parseFileMode,
  validateArray,
  validateStringArray,
  validateBooleanArray,
  validateAbortSignalArray,
  validateBoolean,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowObjects,
  kValidateObjectAllowObjectsAndNull,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateUint32,
  validateUndefined,
  validateUnion,
  validateAbortSignal,
  validateInternalField,
  validateFiniteNumber,
  checkRangesOrGetDefault,
};
