'use strict';

// node:buffer for loop-node, in plain JavaScript. Buffer instances are
// FastBuffer objects (a Uint8Array subclass); `Buffer` itself is a plain
// function whose prototype *is* FastBuffer.prototype, as in node, so
// `Buffer.from(...) instanceof Buffer` holds and `new Buffer()` still works.
// The string codecs replicate node's C++ ones (string_bytes.cc, base64,
// hex, V8's UTF-8 writer) byte for byte, including their leniencies.

const utf8 = require('internal/utf8');
const { lazyDOMException } = require('internal/dom_exception');

const {
  normalizeEncoding,
  latin1Chunks,
  CHUNK,
} = utf8;

let errorsModule;
function errors() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule.codes;
}
let validatorsModule;
function validators() {
  if (validatorsModule === undefined) validatorsModule = require('internal/validators');
  return validatorsModule;
}

function validateNumber(value, name, min, max) {
  return validators().validateNumber(value, name, min, max);
}
function validateInteger(value, name, min, max) {
  return validators().validateInteger(value, name, min, max);
}

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;

// Errors that node raises from C++ carry a code but a free-form message.
function nativeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

// ---------------------------------------------------------------------------
// Type checks (brand checks on the intrinsic getters, so they cannot be
// fooled by Symbol.toStringTag or prototype games).

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const getArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

function isUint8Array(v) {
  return getTypedArrayTag.call(v) === 'Uint8Array';
}
function isTypedArray(v) {
  return getTypedArrayTag.call(v) !== undefined;
}
function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}
function isArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try {
    getArrayBufferByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}
function isSharedArrayBuffer(v) {
  if (getSharedArrayBufferByteLength === undefined || v === null || typeof v !== 'object') return false;
  try {
    getSharedArrayBufferByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}
function isAnyArrayBuffer(v) {
  return isArrayBuffer(v) || isSharedArrayBuffer(v);
}

// The bytes of any ArrayBufferView as a Uint8Array (no copy).
function bytesOf(view) {
  if (isUint8Array(view)) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// `this` check of node's C++ buffer methods.
function thisBytes(self) {
  if (!isArrayBufferView(self)) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
  }
  return bytesOf(self);
}

function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

const validateOffset = (value, name, min = 0, max = kMaxLength) => validateInteger(value, name, min, max);

// ---------------------------------------------------------------------------
// FastBuffer, Buffer and the allocation pool

class FastBuffer extends Uint8Array {
  // An explicit constructor keeps construction independent of the
  // (user-mutable) Array.prototype[Symbol.iterator].
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

function createUnsafeBuffer(size) {
  return new FastBuffer(size);
}

let poolSize;
let poolOffset;
let allocPool;
let allocBuffer;

function createPool() {
  poolSize = Buffer.poolSize;
  allocBuffer = createUnsafeBuffer(poolSize);
  allocPool = allocBuffer.buffer;
  poolOffset = 0;
}

function alignPool() {
  // Keep pool slices 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

let bufferWarningEmitted = false;
let nodeModulesCheckCounter = 0;
const bufferWarning = 'Buffer() is deprecated due to security and usability ' +
                      'issues. Please use the Buffer.alloc(), ' +
                      'Buffer.allocUnsafe(), or Buffer.from() methods instead.';

function calledFromNodeModules() {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return false;
  const lines = stack.split('\n');
  for (let i = 1; i < lines.length && i < 100; i++) {
    const line = lines[i];
    if (line.includes('node_modules')) return true;
  }
  return false;
}

function showFlaggedDeprecation() {
  if (bufferWarningEmitted || ++nodeModulesCheckCounter > 10000 || calledFromNodeModules()) {
    return;
  }
  const proc = globalThis.process;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
  }
  bufferWarningEmitted = true;
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new (errors().ERR_INVALID_ARG_TYPE)('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;

Object.defineProperty(Buffer, Symbol.species, {
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

Buffer.poolSize = 8 * 1024;
createPool();

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isUint8Array(target)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('target', ['Buffer', 'Uint8Array'], target);
  }

  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) {
      throw new (errors().ERR_OUT_OF_RANGE)('targetStart', '>= 0', targetStart);
    }
  }

  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new (errors().ERR_OUT_OF_RANGE)('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }

  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) {
      throw new (errors().ERR_OUT_OF_RANGE)('sourceEnd', '>= 0', sourceEnd);
    }
  }

  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;

  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) {
    sourceEnd = sourceStart + target.length - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;

  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  target.set(source, targetStart);
  return nb;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);

  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);

    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }

    const b = fromObject(value);
    if (b) return b;

    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') {
        return fromString(primitive, encodingOrOffset);
      }
    }
  }

  throw new (errors().ERR_INVALID_ARG_TYPE)(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value,
  );
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);

  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototype.slice.call(view, offset, end);
  }

  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

// Like %TypedArray%.of but never through the deprecated constructor; an
// arrow function so it is not itself a constructor.
const of = (...items) => {
  const newObj = createUnsafeBuffer(items.length);
  for (let k = 0; k < items.length; k++) newObj[k] = items[k];
  return newObj;
};
Buffer.of = of;

Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return fillImpl(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let length = string.length; // lower bound
  if (length >= maxLength) return createFromString(string, ops);

  length *= 4; // upper bound
  if (length >= maxLength) length = ops.byteLength(string);
  if (length >= maxLength) return createFromString(string, ops, length);

  if (length > (poolSize - poolOffset)) createPool();
  const actual = ops.write(allocBuffer, string, poolOffset, length);
  const b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function createFromString(string, ops, length = ops.byteLength(string)) {
  const buf = Buffer.allocUnsafeSlow(length);
  const actual = ops.write(buf, string, 0, length);
  return actual < length ? new FastBuffer(buf.buffer, 0, actual) : buf;
}

function fromString(string, encoding) {
  let ops;
  if (!encoding || encoding === 'utf8' || typeof encoding !== 'string') {
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new (errors().ERR_UNKNOWN_ENCODING)(encoding);
  }
  return string.length === 0 ? new FastBuffer() : fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }

  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new (errors().ERR_BUFFER_OUT_OF_BOUNDS)('offset');

  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new (errors().ERR_BUFFER_OUT_OF_BOUNDS)('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    b.set(obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) {
    return fromArrayLike(obj.data);
  }
}

// ---------------------------------------------------------------------------
// Static methods

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('buf1', ['Buffer', 'Uint8Array'], buf1);
  }
  if (!isUint8Array(buf2)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('buf2', ['Buffer', 'Uint8Array'], buf2);
  }
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
         normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validators().validateArray(list, 'list');

  if (list.length === 0) return new FastBuffer();

  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }

  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new (errors().ERR_INVALID_ARG_TYPE)(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  // Zero the tail when `length` exceeded the total of the parts.
  if (pos < length) TypedArrayPrototype.fill.call(buffer, 0, pos, length);
  return buffer;
};

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

// ---------------------------------------------------------------------------
// Codecs: slice (bytes -> string) and write (string -> bytes).

const units = new Uint16Array(CHUNK);
const fromCharCode = String.fromCharCode;

function checkStringLength(n) {
  if (n > kStringMaxLength) throw new (errors().ERR_STRING_TOO_LONG)();
}

function utf8SliceImpl(bytes, start, end) {
  // UTF-8 never yields more UTF-16 units than bytes.
  checkStringLength(end - start);
  return utf8.decode(bytes, start, end);
}

function latin1SliceImpl(bytes, start, end) {
  checkStringLength(end - start);
  return latin1Chunks(bytes, start, end);
}

function asciiSliceImpl(bytes, start, end) {
  checkStringLength(end - start);
  let i = start;
  while (i < end && bytes[i] < 0x80) i++;
  if (i === end) return latin1Chunks(bytes, start, end);
  let res = '';
  for (let s = start; s < end; s += CHUNK) {
    const e = Math.min(s + CHUNK, end);
    let n = 0;
    for (let j = s; j < e; j++) units[n++] = bytes[j] & 0x7F;
    res += fromCharCode.apply(null, units.subarray(0, n));
  }
  return res;
}

function ucs2SliceImpl(bytes, start, end) {
  const count = (end - start) >>> 1;
  checkStringLength(count);
  let res = '';
  let pos = start;
  for (let done = 0; done < count;) {
    const n = Math.min(CHUNK, count - done);
    for (let k = 0; k < n; k++, pos += 2) units[k] = bytes[pos] | (bytes[pos + 1] << 8);
    res += fromCharCode.apply(null, units.subarray(0, n));
    done += n;
  }
  return res;
}

const HEX_CHARS = '0123456789abcdef';
// hexCode[b] = char codes of the two hex digits of b, packed hi << 8 | lo.
const hexHi = new Uint16Array(256);
const hexLo = new Uint16Array(256);
for (let b = 0; b < 256; b++) {
  hexHi[b] = HEX_CHARS.charCodeAt(b >> 4);
  hexLo[b] = HEX_CHARS.charCodeAt(b & 15);
}

function hexSliceImpl(bytes, start, end) {
  checkStringLength((end - start) * 2);
  let res = '';
  const half = CHUNK >>> 1;
  for (let s = start; s < end; s += half) {
    const e = Math.min(s + half, end);
    let n = 0;
    for (let j = s; j < e; j++) {
      const b = bytes[j];
      units[n++] = hexHi[b];
      units[n++] = hexLo[b];
    }
    res += fromCharCode.apply(null, units.subarray(0, n));
  }
  return res;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const b64Codes = new Uint16Array(64);
const b64UrlCodes = new Uint16Array(64);
for (let i = 0; i < 64; i++) {
  b64Codes[i] = B64.charCodeAt(i);
  b64UrlCodes[i] = B64URL.charCodeAt(i);
}

function base64Encode(bytes, start, end, url) {
  const len = end - start;
  const outLen = url ? Math.ceil(len * 4 / 3) : Math.ceil(len / 3) * 4;
  checkStringLength(outLen);
  const table = url ? b64UrlCodes : b64Codes;
  let res = '';
  let n = 0;
  const full = start + Math.floor(len / 3) * 3;
  let i = start;
  for (; i < full; i += 3) {
    const a = bytes[i];
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    units[n++] = table[a >> 2];
    units[n++] = table[((a & 3) << 4) | (b >> 4)];
    units[n++] = table[((b & 0x0F) << 2) | (c >> 6)];
    units[n++] = table[c & 0x3F];
    if (n >= CHUNK - 4) {
      res += fromCharCode.apply(null, units.subarray(0, n));
      n = 0;
    }
  }
  const rem = end - full;
  if (rem === 1) {
    const a = bytes[i];
    units[n++] = table[a >> 2];
    units[n++] = table[(a & 3) << 4];
    if (!url) {
      units[n++] = 0x3D;
      units[n++] = 0x3D;
    }
  } else if (rem === 2) {
    const a = bytes[i];
    const b = bytes[i + 1];
    units[n++] = table[a >> 2];
    units[n++] = table[((a & 3) << 4) | (b >> 4)];
    units[n++] = table[(b & 0x0F) << 2];
    if (!url) units[n++] = 0x3D;
  }
  if (n > 0) res += fromCharCode.apply(null, units.subarray(0, n));
  return res;
}

function base64SliceImpl(bytes, start, end) {
  return base64Encode(bytes, start, end, false);
}
function base64urlSliceImpl(bytes, start, end) {
  return base64Encode(bytes, start, end, true);
}

// Writes: (bytes, string, offset, maxBytes) -> bytes written.

function utf8WriteImpl(bytes, string, offset, max) {
  return utf8.write(string, bytes, offset, offset + max);
}

function latin1WriteImpl(bytes, string, offset, max) {
  const n = Math.min(string.length, max);
  for (let i = 0; i < n; i++) bytes[offset + i] = string.charCodeAt(i);
  return n;
}

function ucs2WriteImpl(bytes, string, offset, max) {
  const n = Math.min(string.length, max >>> 1);
  let pos = offset;
  for (let i = 0; i < n; i++) {
    const c = string.charCodeAt(i);
    bytes[pos++] = c;
    bytes[pos++] = c >>> 8;
  }
  return n * 2;
}

// Character (low byte) -> nibble; 255 when not a hex digit.
const unhex = new Uint8Array(256).fill(255);
for (let i = 0; i < 10; i++) unhex[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  unhex[0x41 + i] = 10 + i;
  unhex[0x61 + i] = 10 + i;
}

function hexWriteImpl(bytes, string, offset, max) {
  const srcLen = string.length;
  let i = 0;
  for (; i < max && i * 2 + 1 < srcLen; i++) {
    const a = unhex[string.charCodeAt(i * 2) & 0xFF];
    const b = unhex[string.charCodeAt(i * 2 + 1) & 0xFF];
    if (a === 255 || b === 255) return i;
    bytes[offset + i] = (a << 4) | b;
  }
  return i;
}

// Character (low byte) -> sextet; 255 when not in either base64 alphabet.
const unbase64 = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) {
  unbase64[B64.charCodeAt(i)] = i;
  unbase64[B64URL.charCodeAt(i)] = i;
}

// Node's lenient decoder (base64-inl.h): characters outside the alphabets
// are skipped, '=' stops decoding, both alphabets are accepted, and only
// the low byte of each UTF-16 unit is looked at.
function base64DecodedSize(string, size) {
  if (size < 2) return 0;
  if (string.charCodeAt(size - 1) === 0x3D) {
    size--;
    if (string.charCodeAt(size - 1) === 0x3D) size--;
  }
  return size > 1 ? Math.floor(size / 4) * 3 + ((size % 4 + 1) >>> 1) : 0;
}

// Decoding state shared by the slow path (i = source index, k = bytes out).
let b64i = 0;
let b64k = 0;

function base64GroupSlow(bytes, offset, dstlen, string, srclen) {
  let hi = 0;
  let lo = 0;
  for (let step = 0; step < 4; step++) {
    for (;;) {
      const c = string.charCodeAt(b64i) & 0xFF;
      lo = unbase64[c];
      b64i++;
      if (lo < 64) break;
      if (c === 0x3D || b64i >= srclen) return false;
    }
    if (step === 1) {
      bytes[offset + b64k++] = ((hi & 0x3F) << 2) | ((lo & 0x30) >> 4);
    } else if (step === 2) {
      bytes[offset + b64k++] = ((hi & 0x0F) << 4) | ((lo & 0x3C) >> 2);
    } else if (step === 3) {
      bytes[offset + b64k++] = ((hi & 0x03) << 6) | (lo & 0x3F);
    }
    if (b64i >= srclen) return false;
    if (b64k >= dstlen) return false;
    hi = lo;
  }
  return true;
}

function base64WriteImpl(bytes, string, offset, dstlen) {
  const srclen = string.length;
  const decodedSize = base64DecodedSize(string, srclen);
  const available = dstlen < decodedSize ? dstlen : decodedSize;
  const maxK = Math.floor(available / 3) * 3;
  let maxI = srclen - (srclen % 4);
  b64i = 0;
  b64k = 0;
  while (b64i < maxI && b64k < maxK) {
    const i = b64i;
    const a = unbase64[string.charCodeAt(i) & 0xFF];
    const b = unbase64[string.charCodeAt(i + 1) & 0xFF];
    const c = unbase64[string.charCodeAt(i + 2) & 0xFF];
    const d = unbase64[string.charCodeAt(i + 3) & 0xFF];
    if ((a | b | c | d) & 0x80) {
      if (!base64GroupSlow(bytes, offset, dstlen, string, srclen)) return b64k;
      maxI = b64i + (srclen - b64i) - ((srclen - b64i) % 4);
    } else {
      const k = offset + b64k;
      bytes[k] = (a << 2) | (b >> 4);
      bytes[k + 1] = ((b & 0x0F) << 4) | (c >> 2);
      bytes[k + 2] = ((c & 0x03) << 6) | d;
      b64i += 4;
      b64k += 3;
    }
  }
  if (b64i < srclen && b64k < dstlen) {
    base64GroupSlow(bytes, offset, dstlen, string, srclen);
  }
  return b64k;
}

// ---------------------------------------------------------------------------
// Prototype codec methods (node exposes its native ones on the prototype:
// buf.utf8Slice(start, end), buf.hexWrite(string, offset, length), ...).

function parseArrayIndex(value, def) {
  if (value === undefined) return def;
  let n = Number(value);
  n = Number.isNaN(n) ? 0 : Math.trunc(n);
  if (n < 0) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
  return n;
}

function makeSlice(impl) {
  return function(start, end) {
    const bytes = thisBytes(this);
    const len = bytes.length;
    if (len === 0) return '';
    start = parseArrayIndex(start, 0);
    end = parseArrayIndex(end, len);
    if (end < start) end = start;
    if (end > len) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    return impl(bytes, start, end);
  };
}

function makeWrite(impl) {
  return function(string, offset, length) {
    const bytes = thisBytes(this);
    if (typeof string !== 'string') {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    }
    const len = bytes.length;
    offset = parseArrayIndex(offset, 0);
    if (offset > len) {
      throw nativeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    }
    let max = parseArrayIndex(length, len - offset);
    if (max > len - offset) max = len - offset;
    if (max === 0) return 0;
    return impl(bytes, string, offset, max);
  };
}

const asciiSlice = makeSlice(asciiSliceImpl);
const base64Slice = makeSlice(base64SliceImpl);
const base64urlSlice = makeSlice(base64urlSliceImpl);
const latin1Slice = makeSlice(latin1SliceImpl);
const hexSlice = makeSlice(hexSliceImpl);
const ucs2Slice = makeSlice(ucs2SliceImpl);
const utf8Slice = makeSlice(utf8SliceImpl);
const asciiWrite = makeWrite(latin1WriteImpl);
const base64Write = makeWrite(base64WriteImpl);
const base64urlWrite = makeWrite(base64WriteImpl);
const latin1Write = makeWrite(latin1WriteImpl);
const hexWrite = makeWrite(hexWriteImpl);
const ucs2Write = makeWrite(ucs2WriteImpl);
const utf8Write = makeWrite(utf8WriteImpl);

// ---------------------------------------------------------------------------
// Search and compare

function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  const aLen = aEnd - aStart;
  const bLen = bEnd - bStart;
  const n = aLen < bLen ? aLen : bLen;
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i];
    const y = b[bStart + i];
    if (x !== y) return x < y ? -1 : 1;
  }
  if (aLen > bLen) return 1;
  if (aLen < bLen) return -1;
  return 0;
}

// Offset normalisation of node's IndexOfOffset (node_buffer.cc).
function indexOfOffset(length, offset, needleLength, isForward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (isForward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (isForward) return -1;
  return length - 1;
}

// First (forward) or last (backward) occurrence of needle[0, nlen) in
// hay[0, hlen) starting at / not after `start`; -1 when absent. Works on
// any indexable (bytes or UTF-16 units).
function searchRaw(hay, hlen, needle, nlen, start, isForward) {
  if (hlen < nlen) return -1;
  const first = needle[0];
  if (isForward) {
    const last = hlen - nlen;
    outer: for (let i = start; i <= last; i++) {
      if (hay[i] !== first) continue;
      for (let j = 1; j < nlen; j++) {
        if (hay[i + j] !== needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
  const diff = hlen - nlen;
  let i = start > diff ? diff : start;
  outer2: for (; i >= 0; i--) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < nlen; j++) {
      if (hay[i + j] !== needle[j]) continue outer2;
    }
    return i;
  }
  return -1;
}

// UTF-16 units of a byte range (little endian), as a lazily indexed view.
function ucs2Units(bytes) {
  const n = bytes.length >>> 1;
  const out = new Uint16Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 2) out[i] = bytes[p] | (bytes[p + 1] << 8);
  return out;
}

function stringUnits(str) {
  const out = new Uint16Array(str.length);
  for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i);
  return out;
}

// node_buffer.cc IndexOfBuffer. Note the UCS-2 quirk kept from node: with
// an odd haystack length a miss reports (length - 1) instead of -1.
function indexOfNeedleBytes(hay, needle, offset, isUcs2, isForward) {
  const hlen = hay.length;
  const nlen = needle.length;
  const opt = indexOfOffset(hlen, offset, nlen, isForward);
  if (nlen === 0) return opt;
  if (hlen === 0) return -1;
  if (opt <= -1) return -1;
  if ((isForward && nlen + opt > hlen) || nlen > hlen) return -1;
  if (isUcs2) {
    if (hlen < 2 || nlen < 2) return -1;
    const units = hlen >>> 1;
    const r = searchRaw(ucs2Units(hay), units, ucs2Units(needle), nlen >>> 1, Math.floor(opt / 2), isForward);
    const result = (r === -1 ? units : r) * 2;
    return result === hlen ? -1 : result;
  }
  return searchRaw(hay, hlen, needle, nlen, opt, isForward);
}

// node_buffer.cc IndexOfString (utf8, utf16le and latin1 needles).
function indexOfString(hay, str, offset, enc, isForward) {
  // UCS-2 searches round the haystack down to whole code units.
  const hlen = enc === 'utf16le' ? hay.length & ~1 : hay.length;
  let nlen;
  if (enc === 'utf8') nlen = utf8.byteLength(str);
  else if (enc === 'utf16le') nlen = str.length * 2;
  else nlen = str.length;
  const opt = indexOfOffset(hlen, offset, nlen, isForward);
  if (nlen === 0) return opt;
  if (hlen === 0) return -1;
  if (opt <= -1) return -1;
  if ((isForward && nlen + opt > hlen) || nlen > hlen) return -1;
  if (enc === 'utf16le') {
    if (hlen < 2 || str.length < 1) return -1;
    const r = searchRaw(ucs2Units(hay.subarray(0, hlen)), hlen >>> 1, stringUnits(str), str.length, Math.floor(opt / 2), isForward);
    return r === -1 ? -1 : r * 2;
  }
  let needle;
  if (enc === 'utf8') {
    needle = utf8.encode(str);
  } else {
    needle = new Uint8Array(nlen);
    latin1WriteImpl(needle, str, 0, nlen);
  }
  return searchRaw(hay, hlen, needle, nlen, opt, isForward);
}

function indexOfNumber(hay, num, offset, isForward) {
  const len = hay.length;
  const opt = indexOfOffset(len, offset, 1, isForward);
  if (opt <= -1 || len === 0) return -1;
  const needle = num & 0xFF;
  if (isForward) {
    for (let i = opt; i < len; i++) if (hay[i] === needle) return i;
  } else {
    for (let i = opt; i >= 0; i--) if (hay[i] === needle) return i;
  }
  return -1;
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  validateBuffer(buffer);

  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  // Coerce to Number: null and [] become 0, undefined/'foo'/{} NaN.
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) {
    byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  }
  byteOffset = Math.trunc(byteOffset);
  dir = !!dir;

  const hay = bytesOf(buffer);

  if (typeof val === 'number') return indexOfNumber(hay, val >>> 0, byteOffset, dir);

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new (errors().ERR_UNKNOWN_ENCODING)(encoding);
    return ops.indexOf(hay, val, byteOffset, dir);
  }

  if (isUint8Array(val)) {
    const isUcs2 = ops !== undefined && ops.encodingVal === 'utf16le';
    return indexOfNeedleBytes(hay, val, byteOffset, isUcs2, dir);
  }

  throw new (errors().ERR_INVALID_ARG_TYPE)('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

// ---------------------------------------------------------------------------
// Encoding table

function stringNeedleIndexOf(encodingVal) {
  return (buf, val, byteOffset, dir) => indexOfString(buf, val, byteOffset, encodingVal, dir);
}
function bufferNeedleIndexOf(name) {
  return (buf, val, byteOffset, dir) =>
    indexOfNeedleBytes(buf, fromStringFast(val, encodingOps[name]), byteOffset, false, dir);
}

const encodingOps = {
  utf8: {
    encoding: 'utf8',
    encodingVal: 'utf8',
    byteLength: utf8.byteLength,
    write: (buf, string, offset, len) => utf8WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => utf8SliceImpl(buf, start, end),
    indexOf: stringNeedleIndexOf('utf8'),
  },
  ucs2: {
    encoding: 'ucs2',
    encodingVal: 'utf16le',
    byteLength: (string) => string.length * 2,
    write: (buf, string, offset, len) => ucs2WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => ucs2SliceImpl(buf, start, end),
    indexOf: stringNeedleIndexOf('utf16le'),
  },
  utf16le: {
    encoding: 'utf16le',
    encodingVal: 'utf16le',
    byteLength: (string) => string.length * 2,
    write: (buf, string, offset, len) => ucs2WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => ucs2SliceImpl(buf, start, end),
    indexOf: stringNeedleIndexOf('utf16le'),
  },
  latin1: {
    encoding: 'latin1',
    encodingVal: 'latin1',
    byteLength: (string) => string.length,
    write: (buf, string, offset, len) => latin1WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => latin1SliceImpl(buf, start, end),
    indexOf: stringNeedleIndexOf('latin1'),
  },
  ascii: {
    encoding: 'ascii',
    encodingVal: 'ascii',
    byteLength: (string) => string.length,
    write: (buf, string, offset, len) => latin1WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => asciiSliceImpl(buf, start, end),
    indexOf: bufferNeedleIndexOf('ascii'),
  },
  base64: {
    encoding: 'base64',
    encodingVal: 'base64',
    byteLength: (string) => base64ByteLength(string, string.length),
    write: (buf, string, offset, len) => base64WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => base64SliceImpl(buf, start, end),
    indexOf: bufferNeedleIndexOf('base64'),
  },
  base64url: {
    encoding: 'base64url',
    encodingVal: 'base64url',
    byteLength: (string) => base64ByteLength(string, string.length),
    write: (buf, string, offset, len) => base64WriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => base64urlSliceImpl(buf, start, end),
    indexOf: bufferNeedleIndexOf('base64url'),
  },
  hex: {
    encoding: 'hex',
    encodingVal: 'hex',
    byteLength: (string) => string.length >>> 1,
    write: (buf, string, offset, len) => hexWriteImpl(buf, string, offset, Math.min(len, buf.length - offset)),
    slice: (buf, start, end) => hexSliceImpl(buf, start, end),
    indexOf: bufferNeedleIndexOf('hex'),
  },
};

function getEncodingOps(encoding) {
  encoding += '';
  switch (encoding.length) {
    case 4:
      if (encoding === 'utf8') return encodingOps.utf8;
      if (encoding === 'ucs2') return encodingOps.ucs2;
      encoding = encoding.toLowerCase();
      if (encoding === 'utf8') return encodingOps.utf8;
      if (encoding === 'ucs2') return encodingOps.ucs2;
      break;
    case 5:
      if (encoding === 'utf-8') return encodingOps.utf8;
      if (encoding === 'ascii') return encodingOps.ascii;
      if (encoding === 'ucs-2') return encodingOps.ucs2;
      encoding = encoding.toLowerCase();
      if (encoding === 'utf-8') return encodingOps.utf8;
      if (encoding === 'ascii') return encodingOps.ascii;
      if (encoding === 'ucs-2') return encodingOps.ucs2;
      break;
    case 7:
      if (encoding === 'utf16le' || encoding.toLowerCase() === 'utf16le') return encodingOps.utf16le;
      break;
    case 8:
      if (encoding === 'utf-16le' || encoding.toLowerCase() === 'utf-16le') return encodingOps.utf16le;
      break;
    case 6:
      if (encoding === 'latin1' || encoding === 'binary') return encodingOps.latin1;
      if (encoding === 'base64') return encodingOps.base64;
      encoding = encoding.toLowerCase();
      if (encoding === 'latin1' || encoding === 'binary') return encodingOps.latin1;
      if (encoding === 'base64') return encodingOps.base64;
      break;
    case 3:
      if (encoding === 'hex' || encoding.toLowerCase() === 'hex') return encodingOps.hex;
      break;
    case 9:
      if (encoding === 'base64url' || encoding.toLowerCase() === 'base64url') return encodingOps.base64url;
      break;
  }
}

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new (errors().ERR_INVALID_ARG_TYPE)('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (!encoding || encoding === 'utf8') return utf8.byteLength(string);
  if (encoding === 'ascii') return len;
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return utf8.byteLength(string); // node does not throw here
  return ops.byteLength(string);
}

Buffer.byteLength = byteLength;

// ---------------------------------------------------------------------------
// Prototype

Object.defineProperty(Buffer.prototype, 'parent', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

// Out-of-range start/end are clamped rather than rejected.
Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return this.utf8Slice(0, this.length);

  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;

  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;

  if (end <= start) return '';

  if (encoding === undefined) return this.utf8Slice(start, end);

  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new (errors().ERR_UNKNOWN_ENCODING)(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || compareBytes(this, 0, len, otherBuffer, 0, len) === 0;
};

let INSPECT_MAX_BYTES = 50;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');


Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = this.hexSlice(0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Show non-index own properties as well.
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    const keys = require('internal/util/inspect_names')
      .getOwnNonIndexProperties(this, !ctx.showHidden);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      const { inspect: utilInspect } = require('internal/util/inspect');
      // '[Object: null prototype] {'.length === 26
      str += utilInspect(obj, {
        ...ctx,
        breakLength: Infinity,
        compact: true,
      }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new (errors().ERR_INVALID_ARG_TYPE)('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return compareBytes(this, 0, this.length, target, 0, target.length);

  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');

  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);

  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');

  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);

  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;

  if (sourceStart > this.length) {
    throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "sourceStart" is out of range.');
  }
  if (targetStart > target.length) {
    throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "targetStart" is out of range.');
  }
  const toCmp = Math.min(sourceEnd - sourceStart, targetEnd - targetStart, this.length - sourceStart);
  let val = 0;
  for (let i = 0; i < toCmp; i++) {
    const x = this[sourceStart + i];
    const y = target[targetStart + i];
    if (x !== y) {
      val = x < y ? -1 : 1;
      break;
    }
  }
  if (val !== 0) return val;
  const a = sourceEnd - sourceStart;
  const b = targetEnd - targetStart;
  return a > b ? 1 : a < b ? -1 : 0;
};

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// buffer.fill(number[, offset[, end]])
// buffer.fill(buffer[, offset[, end]])
// buffer.fill(string[, offset[, end]][, encoding])
Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

function fillImpl(buf, value, offset, end, encoding) {
  let normalizedEncoding;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }

    normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validators().validateString(encoding, 'encoding');
      throw new (errors().ERR_UNKNOWN_ENCODING)(encoding);
    }

    if (value.length === 0) {
      value = 0; // '' fills with zeroes
    } else if (value.length === 1) {
      // Single byte fast path.
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) {
      throw new (errors().ERR_BUFFER_OUT_OF_BOUNDS)();
    }
    TypedArrayPrototype.fill.call(buf, value, offset, end);
  } else {
    const res = fillBytes(bytesOf(buf), value, offset, end, normalizedEncoding);
    if (res < 0) {
      if (res === -1) throw new (errors().ERR_INVALID_ARG_VALUE)('value', value);
      throw new (errors().ERR_BUFFER_OUT_OF_BOUNDS)();
    }
  }
  return buf;
}

// node_buffer.cc Fill: returns -1 when nothing could be written (invalid
// fill value), -2 when out of bounds.
function fillBytes(bytes, value, start, end, enc) {
  const length = bytes.length;
  const fillLength = end - start;
  if (start > end || fillLength + start > length) return -2;

  let strLength;
  if (isArrayBufferView(value)) {
    const src = bytesOf(value);
    strLength = src.length;
    const n = Math.min(strLength, fillLength);
    bytes.set(n === src.length ? src : src.subarray(0, n), start);
  } else if (typeof value !== 'string') {
    // Anything else is converted to uint32 and its low byte is used.
    const v = (+value) >>> 0;
    bytes.fill(v & 255, start, end);
    return 0;
  } else if (enc === 'utf8') {
    const encoded = utf8.encode(value);
    strLength = encoded.length;
    const n = Math.min(strLength, fillLength);
    bytes.set(n === strLength ? encoded : encoded.subarray(0, n), start);
  } else if (enc === 'utf16le') {
    strLength = value.length * 2;
    const tmp = new Uint8Array(strLength);
    ucs2WriteImpl(tmp, value, 0, strLength);
    const n = Math.min(strLength, fillLength);
    bytes.set(n === strLength ? tmp : tmp.subarray(0, n), start);
  } else {
    const ops = encodingOps[enc];
    strLength = ops.write(bytes.subarray(start, end), value, 0, fillLength);
  }

  if (strLength >= fillLength) return 0;
  if (strLength === 0) return -1;
  // Repeat the first strLength bytes over the rest of the range.
  let inThere = strLength;
  let ptr = start + strLength;
  while (inThere < fillLength - inThere) {
    bytes.copyWithin(ptr, start, start + inThere);
    ptr += inThere;
    inThere *= 2;
  }
  if (inThere < fillLength) bytes.copyWithin(ptr, start, start + (fillLength - inThere));
  return 0;
}

Buffer.prototype.write = function write(string, offset, length, encoding) {
  // write(string)
  if (offset === undefined) return this.utf8Write(string, 0, this.length);

  // write(string, encoding)
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    // write(string, offset[, length][, encoding])
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }

  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  if (encoding === 'ascii') return this.asciiWrite(string, offset, length);

  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new (errors().ERR_UNKNOWN_ENCODING)(encoding);
  const method = ops.encodingVal === 'utf16le' ? 'ucs2Write' : `${ops.encodingVal}Write`;
  return this[method](string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  // Math.trunc keeps values beyond int32 intact.
  offset = Math.trunc(offset);
  if (offset === 0) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return Number.isNaN(offset) ? 0 : length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new (errors().ERR_INVALID_BUFFER_SIZE)('16-bits');
  for (let i = 0; i < len; i += 2) {
    const t = this[i];
    this[i] = this[i + 1];
    this[i + 1] = t;
  }
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new (errors().ERR_INVALID_BUFFER_SIZE)('32-bits');
  for (let i = 0; i < len; i += 4) {
    let t = this[i];
    this[i] = this[i + 3];
    this[i + 3] = t;
    t = this[i + 1];
    this[i + 1] = this[i + 2];
    this[i + 2] = t;
  }
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new (errors().ERR_INVALID_BUFFER_SIZE)('64-bits');
  for (let i = 0; i < len; i += 8) {
    for (let j = 0; j < 4; j++) {
      const t = this[i + j];
      this[i + j] = this[i + 7 - j];
      this[i + 7 - j] = t;
    }
  }
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---------------------------------------------------------------------------
// Numeric reads and writes (node's internal/buffer semantics and messages)

const float32Array = new Float32Array(1);
const uInt8Float32Array = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const uInt8Float64Array = new Uint8Array(float64Array.buffer);
float32Array[0] = -1; // 0xBF800000
const bigEndian = uInt8Float32Array[3] === 0;

function checkOffsetType(offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new (errors().ERR_OUT_OF_RANGE)(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new (errors().ERR_BUFFER_OUT_OF_BOUNDS)();
  throw new (errors().ERR_OUT_OF_RANGE)(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength) {
  checkOffsetType(offset);
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and ` +
                `< 2${n} ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new (errors().ERR_OUT_OF_RANGE)('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

// Reads: `b` is the buffer, `o` a validated in-range offset.
function rdU8(b, o) { return b[o]; }
function rdU16LE(b, o) { return b[o] + b[o + 1] * 0x100; }
function rdU16BE(b, o) { return b[o] * 0x100 + b[o + 1]; }
function rdU24LE(b, o) { return b[o] + b[o + 1] * 0x100 + b[o + 2] * 0x10000; }
function rdU24BE(b, o) { return b[o] * 0x10000 + b[o + 1] * 0x100 + b[o + 2]; }
function rdU32LE(b, o) { return b[o] + b[o + 1] * 0x100 + b[o + 2] * 0x10000 + b[o + 3] * 0x1000000; }
function rdU32BE(b, o) { return b[o] * 0x1000000 + b[o + 1] * 0x10000 + b[o + 2] * 0x100 + b[o + 3]; }
function rdU40LE(b, o) { return rdU32LE(b, o) + b[o + 4] * 0x100000000; }
function rdU40BE(b, o) { return b[o] * 0x100000000 + rdU32BE(b, o + 1); }
function rdU48LE(b, o) { return rdU32LE(b, o) + (b[o + 4] + b[o + 5] * 0x100) * 0x100000000; }
function rdU48BE(b, o) { return (b[o] * 0x100 + b[o + 1]) * 0x100000000 + rdU32BE(b, o + 2); }

function makeReader(size, read) {
  return function(offset = 0) {
    checkOffsetType(offset);
    if (this[offset] === undefined || this[offset + size - 1] === undefined) {
      boundsError(offset, this.length - size);
    }
    return read(this, offset);
  };
}

function signed(v, bits) {
  // Two's complement for unsigned v of `bits` bits (<= 48).
  const limit = 2 ** (bits - 1);
  return v >= limit ? v - 2 ** bits : v;
}

const readUInt8 = makeReader(1, rdU8);
const readUInt16LE = makeReader(2, rdU16LE);
const readUInt16BE = makeReader(2, rdU16BE);
const readUInt24LE = makeReader(3, rdU24LE);
const readUInt24BE = makeReader(3, rdU24BE);
const readUInt32LE = makeReader(4, rdU32LE);
const readUInt32BE = makeReader(4, rdU32BE);
const readUInt40LE = makeReader(5, rdU40LE);
const readUInt40BE = makeReader(5, rdU40BE);
const readUInt48LE = makeReader(6, rdU48LE);
const readUInt48BE = makeReader(6, rdU48BE);
const readInt8 = makeReader(1, (b, o) => (b[o] << 24) >> 24);
const readInt16LE = makeReader(2, (b, o) => (rdU16LE(b, o) << 16) >> 16);
const readInt16BE = makeReader(2, (b, o) => (rdU16BE(b, o) << 16) >> 16);
const readInt24LE = makeReader(3, (b, o) => (rdU24LE(b, o) << 8) >> 8);
const readInt24BE = makeReader(3, (b, o) => (rdU24BE(b, o) << 8) >> 8);
const readInt32LE = makeReader(4, (b, o) => rdU32LE(b, o) | 0);
const readInt32BE = makeReader(4, (b, o) => rdU32BE(b, o) | 0);
const readInt40LE = makeReader(5, (b, o) => signed(rdU40LE(b, o), 40));
const readInt40BE = makeReader(5, (b, o) => signed(rdU40BE(b, o), 40));
const readInt48LE = makeReader(6, (b, o) => signed(rdU48LE(b, o), 48));
const readInt48BE = makeReader(6, (b, o) => signed(rdU48BE(b, o), 48));

function makeVarReader(readers) {
  // readers[byteLength] for 1..6
  return function(offset, byteLength) {
    if (offset === undefined) {
      throw new (errors().ERR_INVALID_ARG_TYPE)('offset', 'number', offset);
    }
    const r = byteLength >= 1 && byteLength <= 6 ? readers[byteLength] : undefined;
    if (r !== undefined && byteLength === (byteLength | 0)) return r.call(this, offset);
    boundsError(byteLength, 6, 'byteLength');
  };
}

const readUIntLE = makeVarReader([, readUInt8, readUInt16LE, readUInt24LE, readUInt32LE, readUInt40LE, readUInt48LE]);
const readUIntBE = makeVarReader([, readUInt8, readUInt16BE, readUInt24BE, readUInt32BE, readUInt40BE, readUInt48BE]);
const readIntLE = makeVarReader([, readInt8, readInt16LE, readInt24LE, readInt32LE, readInt40LE, readInt48LE]);
const readIntBE = makeVarReader([, readInt8, readInt16BE, readInt24BE, readInt32BE, readInt40BE, readInt48BE]);

const readBigUInt64LE = makeReader(8, (b, o) =>
  BigInt(rdU32LE(b, o)) + (BigInt(rdU32LE(b, o + 4)) << 32n));
const readBigUInt64BE = makeReader(8, (b, o) =>
  (BigInt(rdU32BE(b, o)) << 32n) + BigInt(rdU32BE(b, o + 4)));
const readBigInt64LE = makeReader(8, (b, o) =>
  (BigInt(rdU32LE(b, o + 4) | 0) << 32n) + BigInt(rdU32LE(b, o)));
const readBigInt64BE = makeReader(8, (b, o) =>
  (BigInt(rdU32BE(b, o) | 0) << 32n) + BigInt(rdU32BE(b, o + 4)));

function readFloatAt(b, o, little) {
  const u = uInt8Float32Array;
  if (little !== bigEndian) {
    u[0] = b[o]; u[1] = b[o + 1]; u[2] = b[o + 2]; u[3] = b[o + 3];
  } else {
    u[3] = b[o]; u[2] = b[o + 1]; u[1] = b[o + 2]; u[0] = b[o + 3];
  }
  return float32Array[0];
}
function readDoubleAt(b, o, little) {
  const u = uInt8Float64Array;
  if (little !== bigEndian) {
    for (let i = 0; i < 8; i++) u[i] = b[o + i];
  } else {
    for (let i = 0; i < 8; i++) u[7 - i] = b[o + i];
  }
  return float64Array[0];
}
const readFloatLE = makeReader(4, (b, o) => readFloatAt(b, o, true));
const readFloatBE = makeReader(4, (b, o) => readFloatAt(b, o, false));
const readDoubleLE = makeReader(8, (b, o) => readDoubleAt(b, o, true));
const readDoubleBE = makeReader(8, (b, o) => readDoubleAt(b, o, false));

// Writes of 1..6 byte integers; `value` already a number within range.
function wrLE(b, value, o, size) {
  let lo = value >>> 0; // low 32 bits (value may exceed 2**32)
  const n = size < 4 ? size : 4;
  for (let i = 0; i < n; i++) {
    b[o + i] = lo;
    lo >>>= 8;
  }
  if (size > 4) {
    const hi = Math.floor(value * 2 ** -32);
    b[o + 4] = hi;
    if (size > 5) b[o + 5] = hi >>> 8;
  }
  return o + size;
}
function wrBE(b, value, o, size) {
  let lo = value >>> 0;
  const n = size < 4 ? size : 4;
  for (let i = 0; i < n; i++) {
    b[o + size - 1 - i] = lo;
    lo >>>= 8;
  }
  if (size > 4) {
    const hi = Math.floor(value * 2 ** -32);
    b[o + size - 5] = hi;
    if (size > 5) b[o] = hi >>> 8;
  }
  return o + size;
}

function writeIntGeneric(buf, value, offset, min, max, size, little) {
  value = +value;
  if (size === 1) {
    // checkInt() would look at two entries.
    checkOffsetType(offset);
    if (value > max || value < min) {
      throw new (errors().ERR_OUT_OF_RANGE)('value', `>= ${min} and <= ${max}`, value);
    }
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  checkInt(value, min, max, buf, offset, size - 1);
  return little ? wrLE(buf, value, offset, size) : wrBE(buf, value, offset, size);
}

function makeWriter(size, signedInt, little) {
  const max = signedInt ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
  const min = signedInt ? -(2 ** (size * 8 - 1)) : 0;
  return function(value, offset = 0) {
    return writeIntGeneric(this, value, offset, min, max, size, little);
  };
}

const writeUInt8 = makeWriter(1, false, true);
const writeUInt16LE = makeWriter(2, false, true);
const writeUInt16BE = makeWriter(2, false, false);
const writeUInt32LE = makeWriter(4, false, true);
const writeUInt32BE = makeWriter(4, false, false);
const writeInt8 = makeWriter(1, true, true);
const writeInt16LE = makeWriter(2, true, true);
const writeInt16BE = makeWriter(2, true, false);
const writeInt32LE = makeWriter(4, true, true);
const writeInt32BE = makeWriter(4, true, false);

function makeVarWriter(signedInt, little) {
  const limits = [];
  for (let size = 1; size <= 6; size++) {
    limits[size] = signedInt ?
      [-(2 ** (size * 8 - 1)), 2 ** (size * 8 - 1) - 1] :
      [0, 2 ** (size * 8) - 1];
  }
  return function(value, offset, byteLength) {
    if (byteLength >= 1 && byteLength <= 6 && byteLength === (byteLength | 0)) {
      const l = limits[byteLength];
      return writeIntGeneric(this, value, offset, l[0], l[1], byteLength, little);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

const writeUIntLE = makeVarWriter(false, true);
const writeUIntBE = makeVarWriter(false, false);
const writeIntLE = makeVarWriter(true, true);
const writeIntBE = makeVarWriter(true, false);

function writeBig64(buf, value, offset, min, max, little) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number(value >> 32n & 0xffffffffn);
  if (little) {
    for (let i = 0; i < 4; i++) { buf[offset + i] = lo; lo >>>= 8; }
    for (let i = 4; i < 8; i++) { buf[offset + i] = hi; hi >>>= 8; }
  } else {
    for (let i = 7; i >= 4; i--) { buf[offset + i] = lo; lo >>>= 8; }
    for (let i = 3; i >= 0; i--) { buf[offset + i] = hi; hi >>>= 8; }
  }
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, true);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, false);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, true);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, false);
}

function writeFloatAt(buf, val, offset, little) {
  val = +val;
  checkBounds(buf, offset, 3);
  float32Array[0] = val;
  const u = uInt8Float32Array;
  if (little !== bigEndian) {
    buf[offset] = u[0]; buf[offset + 1] = u[1]; buf[offset + 2] = u[2]; buf[offset + 3] = u[3];
  } else {
    buf[offset] = u[3]; buf[offset + 1] = u[2]; buf[offset + 2] = u[1]; buf[offset + 3] = u[0];
  }
  return offset + 4;
}
function writeDoubleAt(buf, val, offset, little) {
  val = +val;
  checkBounds(buf, offset, 7);
  float64Array[0] = val;
  const u = uInt8Float64Array;
  if (little !== bigEndian) {
    for (let i = 0; i < 8; i++) buf[offset + i] = u[i];
  } else {
    for (let i = 0; i < 8; i++) buf[offset + i] = u[7 - i];
  }
  return offset + 8;
}

function writeFloatLE(val, offset = 0) { return writeFloatAt(this, val, offset, true); }
function writeFloatBE(val, offset = 0) { return writeFloatAt(this, val, offset, false); }
function writeDoubleLE(val, offset = 0) { return writeDoubleAt(this, val, offset, true); }
function writeDoubleBE(val, offset = 0) { return writeDoubleAt(this, val, offset, false); }

function named(fn, name) {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
  return fn;
}

const protoMethods = {
  readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
  writeBigUInt64LE, writeBigUInt64BE, writeBigInt64LE, writeBigInt64BE,
  readUIntLE, readUInt32LE, readUInt16LE, readUInt8,
  readUIntBE, readUInt32BE, readUInt16BE,
  readIntLE, readInt32LE, readInt16LE, readInt8,
  readIntBE, readInt32BE, readInt16BE,
  writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8,
  writeUIntBE, writeUInt32BE, writeUInt16BE,
  writeIntLE, writeInt32LE, writeInt16LE, writeInt8,
  writeIntBE, writeInt32BE, writeInt16BE,
  readFloatLE, readFloatBE, readDoubleLE, readDoubleBE,
  writeFloatLE, writeFloatBE, writeDoubleLE, writeDoubleBE,
  asciiSlice, base64Slice, base64urlSlice, latin1Slice, hexSlice, ucs2Slice, utf8Slice,
  asciiWrite, base64Write, base64urlWrite, latin1Write, hexWrite, ucs2Write, utf8Write,
};
for (const name of Object.keys(protoMethods)) {
  Buffer.prototype[name] = named(protoMethods[name], name);
}
// Lower-case "int" aliases.
for (const name of Object.keys(protoMethods)) {
  if (/UInt/.test(name)) {
    Buffer.prototype[name.replace('UInt', 'Uint')] = Buffer.prototype[name];
  }
}

// transcode needs ICU converters; like a node built without ICU, the export
// exists but is undefined.
const transcode = undefined;

// ---------------------------------------------------------------------------
// atob / btoa (forgiving-base64, HTML spec) and validators

function btoa(input) {
  if (arguments.length === 0) throw new (errors().ERR_MISSING_ARGS)('input');
  input = `${input}`;
  const bytes = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 0xFF) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    bytes[i] = c;
  }
  return base64Encode(bytes, 0, bytes.length, false);
}

function isAsciiWhitespace(c) {
  return c === 0x09 || c === 0x0A || c === 0x0C || c === 0x0D || c === 0x20;
}

// Forgiving-base64 as node's atob checks it: ASCII whitespace is ignored, at
// most two trailing '=' are allowed, any other character outside the
// standard alphabet is an "Invalid character", a data length of 4n+1 is
// "not correctly encoded", and padding must complete a 4-character group.
function atob(input) {
  if (arguments.length === 0) throw new (errors().ERR_MISSING_ARGS)('input');
  input = `${input}`;
  const vals = new Uint8Array(input.length);
  let n = 0;
  let invalid = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isAsciiWhitespace(c)) continue;
    let v;
    if (c === 0x3D) v = 64;
    else if (c >= 256 || c === 0x2D || c === 0x5F) v = 255;
    else v = unbase64[c];
    vals[n++] = v;
  }
  let pad = 0;
  while (n > 0 && vals[n - 1] === 64) {
    n--;
    pad++;
  }
  if (pad > 2) invalid = true;
  for (let i = 0; i < n && !invalid; i++) {
    if (vals[i] >= 64) invalid = true;
  }
  if (invalid) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  if (n % 4 === 1) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  if (pad > 0 && (n + pad) % 4 !== 0) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  let res = '';
  let acc = 0;
  let bits = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    acc = ((acc << 6) | vals[i]) & 0xFFFFFF;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      units[k++] = (acc >> bits) & 0xFF;
      if (k === CHUNK) {
        res += fromCharCode.apply(null, units.subarray(0, k));
        k = 0;
      }
    }
  }
  if (k > 0) res += fromCharCode.apply(null, units.subarray(0, k));
  return res;
}

function inputBytes(input) {
  if (isTypedArray(input)) return bytesOf(input);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new (errors().ERR_INVALID_ARG_TYPE)('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  const bytes = inputBytes(input);
  return utf8.isUtf8(bytes, 0, bytes.length);
}

function isAscii(input) {
  const bytes = inputBytes(input);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

// ---------------------------------------------------------------------------

const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};

Object.defineProperties(module.exports, {
  constants: {
    configurable: false,
    enumerable: true,
    value: constants,
  },
  INSPECT_MAX_BYTES: {
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
});

// For sibling builtins (string_decoder, internal/encoding); not part of the
// public API and non-enumerable, like node's internal symbols.
Object.defineProperty(module.exports, Symbol.for('loopd.buffer.internals'), {
  value: {
    FastBuffer,
    kIsEncodingSymbol,
    isArrayBufferView,
    isAnyArrayBuffer,
    isUint8Array,
    isTypedArray,
    bytesOf,
    slices: {
      utf8: utf8SliceImpl,
      utf16le: ucs2SliceImpl,
      latin1: latin1SliceImpl,
      ascii: asciiSliceImpl,
      hex: hexSliceImpl,
      base64: base64SliceImpl,
      base64url: base64urlSliceImpl,
    },
  },
});
