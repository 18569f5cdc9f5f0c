'use strict';
// The 'crypto' module: hashes, HMAC, random data, pbkdf2 and scrypt, over the host's JDK
// primitives (internalBinding('crypto')). The asynchronous forms run on the blocking pool and call
// back in the poll phase; the *Sync forms block the loop, as in Node. Argument checks and error
// messages follow Node 20's lib/internal/crypto/*.js; errors Node raises from C++ are plain
// errors with a code (no "[CODE]" in the stack), as there.
//
// Not supported (each throws ERR_LOOPD_UNSUPPORTED): ciphers, signatures, key objects, key
// generation, Diffie-Hellman, HKDF, primes, X509, Hash/Hmac as streams, and every
// crypto.subtle method except digest.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const requests = require('internal/requests');
const { nextTick } = require('internal/task_queues');
const { lazyDOMException } = require('internal/dom_exception');

const binding = internalBinding('crypto');

const kMaxPossibleLength = Math.min(2 ** 32, 2 ** 31 - 1);

// ---- shared helpers -------------------------------------------------------------------------

function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

/** [arrayBuffer, byteOffset, byteLength] of a view or ArrayBuffer, as the host bindings take. */
function parts(data) {
  if (ArrayBuffer.isView(data)) return [data.buffer, data.byteOffset, data.byteLength];
  return [data, 0, data.byteLength];
}

/** A host result (bytes, or a [message, code, errno] failure) as a Buffer; throws failures. */
function hostBuffer(result) {
  if (Array.isArray(result)) throw requests.hostError(result);
  return toBuffer(requests.toUint8Array(result));
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

/** An error Node raises from C++: a code but no "[CODE]" in its stack. */
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function unsupportedError(what) {
  const err = new Error(`${what} is not supported by loopd`);
  err.code = 'ERR_LOOPD_UNSUPPORTED';
  return err;
}

/** Queues pool work; a refusal (full queue) reaches the callback asynchronously, never a throw. */
function submit(kind, args, callback) {
  try {
    requests.submit(kind, args, callback);
  } catch (err) {
    nextTick(callback, err);
  }
}

// Node's getArrayBufferOrView: strings become bytes in `encoding` (utf8 by default).
function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(buffer, encoding);
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

function copyBytes(data) {
  const [ab, off, len] = parts(data);
  return new Uint8Array(ab, off, len).slice();
}

function concatChunks(chunks) {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const EMPTY = new Uint8Array(0);

function hasDigest(name) {
  return typeof name === 'string' && binding.hasDigest(name) === true;
}

function invalidDigest(name) {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${name}`);
}

/** digest(outputEncoding): a known encoding gives a string, anything else a Buffer (as Node). */
function encodeOutput(buf, outputEncoding) {
  if (typeof outputEncoding === 'string' && outputEncoding !== 'buffer' &&
      Buffer.isEncoding(outputEncoding)) {
    return buf.toString(outputEncoding);
  }
  return buf;
}

// ---- Hash and Hmac --------------------------------------------------------------------------

const kState = Symbol('kState');
const kCopy = Symbol('kCopy');

// Data is kept (copied) until digest() and hashed in one host call: Hash is not incremental on
// the host side, so memory grows with the data hashed.
function updateState(self, data, encoding) {
  const state = self[kState];
  if (state.finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    if (!encoding || encoding === 'buffer' || !Buffer.isEncoding(encoding)) encoding = 'utf8';
    if (encoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
      throw new ERR_INVALID_ARG_VALUE(
        'encoding', encoding, `is invalid for data of length ${data.length}`);
    }
    const bytes = Buffer.from(data, encoding);
    state.chunks.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } else if (ArrayBuffer.isView(data)) {
    state.chunks.push(copyBytes(data));
  } else {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return self;
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  let chunks = [];
  if (algorithm !== null && typeof algorithm === 'object' && algorithm[kCopy] === true) {
    chunks = algorithm.chunks.slice();
    algorithm = algorithm.algorithm;
  } else {
    validateString(algorithm, 'algorithm');
  }
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  if (!hasDigest(algorithm)) throw new Error('Digest method not supported');
  if (xofLen !== undefined && xofLen !== digestSize(algorithm)) {
    const err = new Error('error:030000B2:digital envelope routines::not XOF or invalid length');
    err.library = 'digital envelope routines';
    err.reason = 'not XOF or invalid length';
    err.code = 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH';
    throw err;
  }
  Object.defineProperty(this, kState, {
    value: { algorithm, chunks, finalized: false },
    writable: true,
  });
}

const digestSizes = new Map();
function digestSize(algorithm) {
  let size = digestSizes.get(algorithm);
  if (size === undefined) {
    size = hostBuffer(binding.digest(algorithm, new ArrayBuffer(0), 0, 0)).byteLength;
    digestSizes.set(algorithm, size);
  }
  return size;
}

Hash.prototype.copy = function copy(options) {
  const state = this[kState];
  if (state.finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash({ [kCopy]: true, algorithm: state.algorithm, chunks: state.chunks }, options);
};

Hash.prototype.update = function update(data, encoding) {
  return updateState(this, data, encoding);
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  const data = state.chunks.length === 0 ? EMPTY : concatChunks(state.chunks);
  const buf = hostBuffer(binding.digest(state.algorithm, ...parts(data)));
  state.finalized = true;
  state.chunks = [];
  return encodeOutput(buf, outputEncoding);
};

function prepareSecretKey(key, encoding) {
  if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options !== null && options !== undefined && options.encoding !== undefined) {
    encoding = options.encoding;
    validateString(encoding, 'options.encoding');
  }
  key = copyBytes(prepareSecretKey(key, encoding));
  if (!hasDigest(hmac)) throw invalidDigest(hmac);
  Object.defineProperty(this, kState, {
    value: { algorithm: hmac, key, chunks: [], finalized: false },
    writable: true,
  });
}

Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) return encodeOutput(Buffer.alloc(0), outputEncoding);
  const data = state.chunks.length === 0 ? EMPTY : concatChunks(state.chunks);
  const buf = hostBuffer(binding.hmac(state.algorithm, ...parts(state.key), ...parts(data)));
  state.finalized = true;
  state.chunks = [];
  return encodeOutput(buf, outputEncoding);
};

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// crypto.hash(algorithm, data[, outputEncoding]): a one-shot digest (Node 20.12+).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let encoding = outputEncoding;
  if (outputEncoding !== 'hex') {
    validateString(outputEncoding, 'outputEncoding');
    if (outputEncoding.toLowerCase() === 'buffer') {
      encoding = 'buffer';
    } else if (!Buffer.isEncoding(outputEncoding)) {
      throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
    }
  }
  if (!hasDigest(algorithm)) throw new Error(`Digest method ${algorithm} is not supported`);
  const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const buf = hostBuffer(binding.digest(algorithm, ...parts(data)));
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// Node's getHashes() order; only the names the host can compute are listed.
const NODE_HASHES = [
  'RSA-MD5', 'RSA-RIPEMD160', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256',
  'RSA-SHA3-224', 'RSA-SHA3-256', 'RSA-SHA3-384', 'RSA-SHA3-512', 'RSA-SHA384', 'RSA-SHA512',
  'RSA-SHA512/224', 'RSA-SHA512/256', 'RSA-SM3', 'blake2b512', 'blake2s256',
  'id-rsassa-pkcs1-v1_5-with-sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-256',
  'id-rsassa-pkcs1-v1_5-with-sha3-384', 'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5', 'md5-sha1',
  'md5WithRSAEncryption', 'ripemd', 'ripemd160', 'ripemd160WithRSA', 'rmd160', 'sha1',
  'sha1WithRSAEncryption', 'sha224', 'sha224WithRSAEncryption', 'sha256',
  'sha256WithRSAEncryption', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'sha384',
  'sha384WithRSAEncryption', 'sha512', 'sha512-224', 'sha512-224WithRSAEncryption', 'sha512-256',
  'sha512-256WithRSAEncryption', 'sha512WithRSAEncryption', 'shake128', 'shake256', 'sm3',
  'sm3WithRSAEncryption', 'ssl3-md5', 'ssl3-sha1',
];
let hashNames;

function getHashes() {
  if (hashNames === undefined) hashNames = NODE_HASHES.filter(hasDigest);
  return hashNames.slice();
}

// ---- pbkdf2 and scrypt ----------------------------------------------------------------------

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

// Integers go to the host as int32 (`| 0` also turns -0, which the host refuses, into 0).
function pbkdf2Args(o) {
  return [...parts(o.password), ...parts(o.salt), o.iterations | 0, o.keylen | 0, o.digest];
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const o = checkPbkdf2(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  if (!hasDigest(o.digest)) throw invalidDigest(o.digest);
  submit('pbkdf2', pbkdf2Args(o), (err, bytes) => {
    if (err) return callback(err);
    callback(null, toBuffer(bytes));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const o = checkPbkdf2(password, salt, iterations, keylen, digest);
  if (!hasDigest(o.digest)) throw invalidDigest(o.digest);
  return hostBuffer(binding.pbkdf2(...pbkdf2Args(o)));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);

  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const hasN = options.N !== undefined;
    if (hasN) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (options.cost !== undefined) {
      if (hasN) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    const hasR = options.r !== undefined;
    if (hasR) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (options.blockSize !== undefined) {
      if (hasR) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    const hasP = options.p !== undefined;
    if (hasP) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (options.parallelization !== undefined) {
      if (hasP) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  checkScryptParams(N, r, p, maxmem);
  return { password, salt, keylen, N, r, p, maxmem };
}

// OpenSSL's EVP_PBE_scrypt parameter checks, which Node runs before any work.
function checkScryptParams(N, r, p, maxmem) {
  if (N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 32) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  }
  const memoryLimit = () => nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
    'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  const SCRYPT_PR_MAX = 2 ** 30 - 1;
  if (p > Math.floor(SCRYPT_PR_MAX / r)) throw memoryLimit();
  if (16 * r <= 63 && N >= 2 ** (16 * r)) throw memoryLimit();
  const bLen = p * 128 * r;
  if (bLen > 2 ** 31 - 1) throw memoryLimit();
  const vLen = 32 * r * (N + 2) * 4;
  if (bLen + vLen > maxmem) throw memoryLimit();
}

function scryptArgs(o) {
  return [...parts(o.password), ...parts(o.salt), o.N | 0, o.r | 0, o.p | 0, o.keylen | 0];
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const o = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  if (o.keylen === 0) {
    nextTick(callback, null, Buffer.alloc(0));
    return;
  }
  submit('scrypt', scryptArgs(o), (err, bytes) => {
    if (err) return callback(err);
    callback(null, toBuffer(bytes));
  });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const o = checkScrypt(password, salt, keylen, options);
  if (o.keylen === 0) return Buffer.alloc(0);
  return hostBuffer(binding.scrypt(...scryptArgs(o)));
}

// ---- random ---------------------------------------------------------------------------------

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function bytesView(buf) {
  return ArrayBuffer.isView(buf) ?
    new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
}

function fillFromHost(buf, offset, size) {
  const random = requests.toUint8Array(binding.randomBytes(size));
  bytesView(buf).set(random, offset);
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (callback === undefined) {
    const buf = Buffer.alloc(size);
    if (size > 0) fillFromHost(buf, 0, size);
    return buf;
  }
  if (size === 0) {
    // Node calls back at once (synchronously) for an empty request.
    callback(null, Buffer.alloc(0));
    return;
  }
  submit('randomBytes', [size], (err, bytes) => {
    if (err) return callback(err);
    callback(null, toBuffer(bytes));
  });
}

function checkFillTarget(buf) {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomFillSync(buf, offset = 0, size) {
  checkFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) return buf;
  fillFromHost(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.length;
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    callback(null, buf);
    return;
  }
  submit('randomBytes', [size], (err, bytes) => {
    if (err) return callback(err);
    bytesView(buf).set(bytes, offset);
    callback(null, buf);
  });
}

// randomInt: Node's algorithm (6-byte draws from a cache, rejection sampling for no bias).
const RAND_MAX = 0xFFFF_FFFF_FFFF;
const randomCache = Buffer.alloc(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      nextTick(callback, undefined, n);
      return;
    }
  }
  asyncCachePendingTasks.push({ min, max, callback });
  asyncRefillRandomIntCache();
}

function asyncRefillRandomIntCache() {
  if (asyncCacheFillInProgress) return;
  asyncCacheFillInProgress = true;
  randomFill(randomCache, (err) => {
    asyncCacheFillInProgress = false;
    const tasks = asyncCachePendingTasks;
    const errorReceiver = err && tasks.shift();
    if (!err) randomCacheOffset = 0;
    for (const task of tasks.splice(0)) randomInt(task.min, task.max, task.callback);
    if (errorReceiver) errorReceiver.callback(err);
  });
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  return binding.randomUUID();
}

function getRandomValuesImpl(data) {
  if (!isIntegerTypedArray(data)) {
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
      'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

function isIntegerTypedArray(data) {
  if (!ArrayBuffer.isView(data) || data instanceof DataView) return false;
  return !(data instanceof Float32Array || data instanceof Float64Array);
}

function timingSafeEqual(buf1, buf2) {
  if (!isAnyArrayBuffer(buf1) && !ArrayBuffer.isView(buf1)) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf1" argument must be an ' +
      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  if (!isAnyArrayBuffer(buf2) && !ArrayBuffer.isView(buf2)) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf2" argument must be an ' +
      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  const a = bytesView(buf1);
  const b = bytesView(buf2);
  if (a.byteLength !== b.byteLength) {
    throw nativeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
      'Input buffers must have the same byte length');
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

// ---- webcrypto ------------------------------------------------------------------------------

let webCrypto; // the one Crypto instance (globalThis.crypto)
let subtleCrypto;
let constructing = false;

class SubtleCrypto {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  // digest is the one SubtleCrypto method loopd implements.
  async digest(algorithm, data) {
    if (this !== subtleCrypto) throw new ERR_INVALID_THIS('SubtleCrypto');
    if (arguments.length < 2) {
      throw nativeError(TypeError, 'ERR_MISSING_ARGS', "Failed to execute 'digest' on " +
        `'SubtleCrypto': 2 arguments required, but only ${arguments.length} present.`);
    }
    if (!isAnyArrayBuffer(data) && !ArrayBuffer.isView(data)) {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', "Failed to execute 'digest' on " +
        "'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, " +
        'or DataView.');
    }
    const name = typeof algorithm === 'object' && algorithm !== null ?
      algorithm.name : algorithm;
    const normalized = typeof name === 'string' ? name.toUpperCase() : undefined;
    if (!['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].includes(normalized)) {
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
    }
    const buf = hostBuffer(binding.digest(normalized, ...parts(data)));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  }
}

for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey',
  'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: {
      async [name]() {
        throw unsupportedError(`crypto.subtle.${name}()`);
      },
    }[name],
    writable: true, configurable: true, enumerable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, 'digest', { enumerable: true });
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: 'SubtleCrypto', configurable: true,
});

class Crypto {
  constructor() {
    if (!constructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== webCrypto) throw new ERR_INVALID_THIS('Crypto');
    return subtleCrypto;
  }

  getRandomValues(array) {
    if (this !== webCrypto) throw new ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) {
      throw nativeError(TypeError, 'ERR_MISSING_ARGS', "Failed to execute 'getRandomValues' " +
        "on 'Crypto': 1 argument required, but only 0 present.");
    }
    return getRandomValuesImpl(array);
  }

  randomUUID() {
    if (this !== webCrypto) throw new ERR_INVALID_THIS('Crypto');
    return binding.randomUUID();
  }
}

for (const name of ['subtle', 'getRandomValues', 'randomUUID']) {
  Object.defineProperty(Crypto.prototype, name, { enumerable: true });
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});

constructing = true;
webCrypto = new Crypto();
subtleCrypto = new SubtleCrypto();
constructing = false;

function getRandomValues(array) {
  return webCrypto.getRandomValues(array);
}

// ---- what loopd does not implement ----------------------------------------------------------

function unsupportedFunction(name) {
  return {
    [name]() {
      throw unsupportedError(`crypto.${name}()`);
    },
  }[name];
}

function unsupportedClass(name) {
  return {
    [name]: function() {
      throw unsupportedError(`crypto.${name}`);
    },
  }[name];
}

// Node 20's TLS defaults, listed in crypto.constants (loopd has no TLS of its own).
const DEFAULT_CIPHER_LIST = [
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'DHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA256',
  'DHE-RSA-AES128-SHA256', 'ECDHE-RSA-AES256-SHA384', 'DHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA256', 'DHE-RSA-AES256-SHA256', 'HIGH', '!aNULL', '!eNULL', '!EXPORT',
  '!DES', '!RC4', '!MD5', '!PSK', '!SRP', '!CAMELLIA',
].join(':');

const constants = {
  OPENSSL_VERSION_NUMBER: 805306672,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: DEFAULT_CIPHER_LIST,
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  defaultCipherList: DEFAULT_CIPHER_LIST,
};

module.exports = {
  checkPrime: unsupportedFunction('checkPrime'),
  checkPrimeSync: unsupportedFunction('checkPrimeSync'),
  createCipheriv: unsupportedFunction('createCipheriv'),
  createDecipheriv: unsupportedFunction('createDecipheriv'),
  createDiffieHellman: unsupportedFunction('createDiffieHellman'),
  createDiffieHellmanGroup: unsupportedFunction('createDiffieHellmanGroup'),
  createECDH: unsupportedFunction('createECDH'),
  createHash,
  createHmac,
  createPrivateKey: unsupportedFunction('createPrivateKey'),
  createPublicKey: unsupportedFunction('createPublicKey'),
  createSecretKey: unsupportedFunction('createSecretKey'),
  createSign: unsupportedFunction('createSign'),
  createVerify: unsupportedFunction('createVerify'),
  diffieHellman: unsupportedFunction('diffieHellman'),
  generatePrime: unsupportedFunction('generatePrime'),
  generatePrimeSync: unsupportedFunction('generatePrimeSync'),
  getCiphers: () => [],
  getCipherInfo: () => undefined,
  getCurves: () => [],
  getDiffieHellman: unsupportedFunction('getDiffieHellman'),
  getHashes,
  hkdf: unsupportedFunction('hkdf'),
  hkdfSync: unsupportedFunction('hkdfSync'),
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair: unsupportedFunction('generateKeyPair'),
  generateKeyPairSync: unsupportedFunction('generateKeyPairSync'),
  generateKey: unsupportedFunction('generateKey'),
  generateKeySync: unsupportedFunction('generateKeySync'),
  privateDecrypt: unsupportedFunction('privateDecrypt'),
  privateEncrypt: unsupportedFunction('privateEncrypt'),
  publicDecrypt: unsupportedFunction('publicDecrypt'),
  publicEncrypt: unsupportedFunction('publicEncrypt'),
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: unsupportedFunction('sign'),
  setEngine: unsupportedFunction('setEngine'),
  timingSafeEqual,
  getFips: () => 0,
  setFips: unsupportedFunction('setFips'),
  verify: unsupportedFunction('verify'),
  hash,
  Certificate: unsupportedClass('Certificate'),
  Cipher: unsupportedClass('Cipher'),
  Cipheriv: unsupportedClass('Cipheriv'),
  Decipher: unsupportedClass('Decipher'),
  Decipheriv: unsupportedClass('Decipheriv'),
  DiffieHellman: unsupportedClass('DiffieHellman'),
  DiffieHellmanGroup: unsupportedClass('DiffieHellmanGroup'),
  ECDH: unsupportedClass('ECDH'),
  Hash,
  Hmac,
  KeyObject: unsupportedClass('KeyObject'),
  Sign: unsupportedClass('Sign'),
  Verify: unsupportedClass('Verify'),
  X509Certificate: unsupportedClass('X509Certificate'),
  secureHeapUsed: unsupportedFunction('secureHeapUsed'),
  constants,
};

Object.defineProperties(module.exports, {
  webcrypto: { get: () => webCrypto, set: undefined, enumerable: true, configurable: false },
  subtle: { get: () => subtleCrypto, set: undefined, enumerable: true, configurable: false },
  getRandomValues: {
    get: () => getRandomValues, set: undefined, enumerable: true, configurable: false,
  },
});
