'use strict';
// The 'zlib' module's one-shot forms: gzip/gunzip/deflate/inflate/deflateRaw/inflateRaw/unzip,
// asynchronous on the blocking pool (callback in the poll phase) and *Sync on the loop, over the
// host's zlib (internalBinding('zlib')). Options are checked as Node 20 checks them; errors carry
// zlib's message, errno and code ('Z_DATA_ERROR', ...) as Node's do.
//
// Limits (loopd has no streams and the host API is one call per buffer):
// - streams and classes (createGzip(), new zlib.Gzip(), ...) and brotli throw
//   ERR_LOOPD_UNSUPPORTED, as do options.dictionary and options.info;
// - options.windowBits, memLevel and strategy are validated but not applied: compressed bytes
//   then differ from Node's (they stay valid), decompression is unaffected;
// - maxOutputLength is checked on the finished output (the host inflates it all first).

const { Buffer, kMaxLength } = require('buffer');
const {
  codes: { ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateNumber, validateUint32 } = require('internal/validators');
const requests = require('internal/requests');
const { nextTick } = require('internal/task_queues');

const binding = internalBinding('zlib');

const constants = {
  Z_NO_FLUSH: 0,
  Z_PARTIAL_FLUSH: 1,
  Z_SYNC_FLUSH: 2,
  Z_FULL_FLUSH: 3,
  Z_FINISH: 4,
  Z_BLOCK: 5,
  Z_OK: 0,
  Z_STREAM_END: 1,
  Z_NEED_DICT: 2,
  Z_ERRNO: -1,
  Z_STREAM_ERROR: -2,
  Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5,
  Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0,
  Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1,
  Z_HUFFMAN_ONLY: 2,
  Z_RLE: 3,
  Z_FIXED: 4,
  Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: 4880,
  DEFLATE: 1,
  INFLATE: 2,
  GZIP: 3,
  GUNZIP: 4,
  DEFLATERAW: 5,
  INFLATERAW: 6,
  UNZIP: 7,
  BROTLI_DECODE: 8,
  BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8,
  Z_MAX_WINDOWBITS: 15,
  Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64,
  Z_MAX_CHUNK: Infinity,
  Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1,
  Z_MAX_MEMLEVEL: 9,
  Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1,
  Z_MAX_LEVEL: 9,
  Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0,
  BROTLI_OPERATION_FLUSH: 1,
  BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0,
  BROTLI_MODE_GENERIC: 0,
  BROTLI_MODE_TEXT: 1,
  BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0,
  BROTLI_PARAM_QUALITY: 1,
  BROTLI_MIN_QUALITY: 0,
  BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11,
  BROTLI_PARAM_LGWIN: 2,
  BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24,
  BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3,
  BROTLI_MIN_INPUT_BLOCK_BITS: 16,
  BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
  BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6,
  BROTLI_PARAM_NPOSTFIX: 7,
  BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0,
  BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0,
  BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
  BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
  BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
  BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
  BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
  BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
  BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
  BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};

const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;
Object.freeze(codes);

const DEFLATE = constants.DEFLATE;
const INFLATE = constants.INFLATE;
const GZIP = constants.GZIP;
const GUNZIP = constants.GUNZIP;
const DEFLATERAW = constants.DEFLATERAW;
const INFLATERAW = constants.INFLATERAW;
const UNZIP = constants.UNZIP;

// Node's mode numbers to the host's names.
const HOST_MODE = {
  [DEFLATE]: 'deflate',
  [INFLATE]: 'inflate',
  [GZIP]: 'gzip',
  [GUNZIP]: 'gunzip',
  [DEFLATERAW]: 'deflateRaw',
  [INFLATERAW]: 'inflateRaw',
  [UNZIP]: 'unzip',
};

function unsupportedError(what, why) {
  const err = new Error(`${what} is not supported by loopd${why ? `: ${why}` : ''}`);
  err.code = 'ERR_LOOPD_UNSUPPORTED';
  return err;
}

function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

// ---- options (Node's Zlib and ZlibBase constructors) ----------------------------------------

// false for undefined and NaN, true for finite numbers; throws for other types and infinities.
function validateFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!validateFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

/** The options of `new Gzip(opts)` and friends, checked in Node's order. */
function parseOptions(opts, mode) {
  let level = constants.Z_DEFAULT_COMPRESSION;
  let maxOutputLength = kMaxLength;
  if (opts) {
    if (!((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP))) {
      const min = constants.Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min,
        constants.Z_MAX_WINDOWBITS, constants.Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', constants.Z_MIN_LEVEL,
      constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
    checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', constants.Z_MIN_MEMLEVEL,
      constants.Z_MAX_MEMLEVEL, constants.Z_DEFAULT_MEMLEVEL);
    checkRangesOrGetDefault(opts.strategy, 'options.strategy', constants.Z_DEFAULT_STRATEGY,
      constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
    const dictionary = opts.dictionary;
    if (dictionary !== undefined) {
      if (!ArrayBuffer.isView(dictionary) && !isAnyArrayBuffer(dictionary)) {
        throw new ERR_INVALID_ARG_TYPE('options.dictionary',
          ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
      throw unsupportedError('zlib options.dictionary');
    }
    // ZlibBase
    const chunkSize = opts.chunkSize;
    if (validateFiniteNumber(chunkSize, 'options.chunkSize') &&
        chunkSize < constants.Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${constants.Z_MIN_CHUNK}`, chunkSize);
    }
    checkRangesOrGetDefault(opts.flush, 'options.flush', constants.Z_NO_FLUSH,
      constants.Z_BLOCK, constants.Z_NO_FLUSH);
    checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', constants.Z_NO_FLUSH,
      constants.Z_BLOCK, constants.Z_FINISH);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength',
      1, kMaxLength, kMaxLength);
    if (opts.info) throw unsupportedError('zlib options.info');
  }
  // The host takes an int, as zlib does (Node's binding truncates too).
  return { level: level | 0, maxOutputLength };
}

// ---- the work --------------------------------------------------------------------------------

function parts(data) {
  if (ArrayBuffer.isView(data)) return [data.buffer, data.byteOffset, data.byteLength];
  return [data, 0, data.byteLength];
}

/** zlib's failure as Node reports it: message, then errno and code properties. */
function zlibError(triple) {
  const [message, code, errno] = triple;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return requests.hostError(triple);
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  return err;
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function checkOutput(buffer, maxOutputLength) {
  if (buffer.length > maxOutputLength) throw new ERR_BUFFER_TOO_LARGE(maxOutputLength);
  return buffer;
}

function processSync(mode, buffer, opts) {
  const { level, maxOutputLength } = parseOptions(opts, mode);
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    if (isAnyArrayBuffer(buffer)) {
      buffer = Buffer.from(buffer);
    } else {
      throw new ERR_INVALID_ARG_TYPE('buffer',
        ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
    }
  }
  const result = binding.process(HOST_MODE[mode], ...parts(buffer), level);
  if (Array.isArray(result)) throw zlibError(result);
  return checkOutput(toBuffer(requests.toUint8Array(result)), maxOutputLength);
}

function processAsync(mode, buffer, opts, callback) {
  if (typeof opts === 'function') {
    callback = opts;
    opts = {};
  }
  const { level, maxOutputLength } = parseOptions(opts, mode);
  validateFunction(callback, 'callback');
  if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  } else if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    // Node's stream write of the chunk rejects it, synchronously.
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'],
      buffer);
  }
  const done = (err, bytes) => {
    if (err) return callback(zlibError([err.message, err.code, err.errno ?? 0]));
    let out;
    try {
      out = checkOutput(toBuffer(bytes), maxOutputLength);
    } catch (tooLarge) {
      return callback(tooLarge);
    }
    callback(null, out);
  };
  try {
    requests.submit('zlib', [HOST_MODE[mode], ...parts(buffer), level], done);
  } catch (err) {
    nextTick(callback, err);
  }
}

function asyncMethod(mode, name) {
  return {
    [name](buffer, opts, callback) {
      return processAsync(mode, buffer, opts, callback);
    },
  }[name];
}

function syncMethod(mode, name) {
  return {
    [name](buffer, opts) {
      return processSync(mode, buffer, opts);
    },
  }[name];
}

// ---- crc32 ----------------------------------------------------------------------------------

let crcTable;

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  if (crcTable === undefined) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') :
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let crc = value ^ -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

// ---- what loopd does not implement ----------------------------------------------------------

const NO_STREAMS = 'loopd has no streams; use the callback or *Sync forms';

function unsupportedClass(name) {
  return {
    [name]: function() {
      throw unsupportedError(`zlib.${name}`, NO_STREAMS);
    },
  }[name];
}

function unsupportedFunction(name, why) {
  return {
    [name]() {
      throw unsupportedError(`zlib.${name}()`, why);
    },
  }[name];
}

module.exports = {
  crc32,
  Deflate: unsupportedClass('Deflate'),
  Inflate: unsupportedClass('Inflate'),
  Gzip: unsupportedClass('Gzip'),
  Gunzip: unsupportedClass('Gunzip'),
  DeflateRaw: unsupportedClass('DeflateRaw'),
  InflateRaw: unsupportedClass('InflateRaw'),
  Unzip: unsupportedClass('Unzip'),
  BrotliCompress: unsupportedClass('BrotliCompress'),
  BrotliDecompress: unsupportedClass('BrotliDecompress'),

  deflate: asyncMethod(DEFLATE, 'deflate'),
  deflateSync: syncMethod(DEFLATE, 'deflateSync'),
  gzip: asyncMethod(GZIP, 'gzip'),
  gzipSync: syncMethod(GZIP, 'gzipSync'),
  deflateRaw: asyncMethod(DEFLATERAW, 'deflateRaw'),
  deflateRawSync: syncMethod(DEFLATERAW, 'deflateRawSync'),
  unzip: asyncMethod(UNZIP, 'unzip'),
  unzipSync: syncMethod(UNZIP, 'unzipSync'),
  inflate: asyncMethod(INFLATE, 'inflate'),
  inflateSync: syncMethod(INFLATE, 'inflateSync'),
  gunzip: asyncMethod(GUNZIP, 'gunzip'),
  gunzipSync: syncMethod(GUNZIP, 'gunzipSync'),
  inflateRaw: asyncMethod(INFLATERAW, 'inflateRaw'),
  inflateRawSync: syncMethod(INFLATERAW, 'inflateRawSync'),
  brotliCompress: unsupportedFunction('brotliCompress', 'brotli is not available'),
  brotliCompressSync: unsupportedFunction('brotliCompressSync', 'brotli is not available'),
  brotliDecompress: unsupportedFunction('brotliDecompress', 'brotli is not available'),
  brotliDecompressSync: unsupportedFunction('brotliDecompressSync', 'brotli is not available'),

  createDeflate: unsupportedFunction('createDeflate', NO_STREAMS),
  createInflate: unsupportedFunction('createInflate', NO_STREAMS),
  createDeflateRaw: unsupportedFunction('createDeflateRaw', NO_STREAMS),
  createInflateRaw: unsupportedFunction('createInflateRaw', NO_STREAMS),
  createGzip: unsupportedFunction('createGzip', NO_STREAMS),
  createGunzip: unsupportedFunction('createGunzip', NO_STREAMS),
  createUnzip: unsupportedFunction('createUnzip', NO_STREAMS),
  createBrotliCompress: unsupportedFunction('createBrotliCompress', NO_STREAMS),
  createBrotliDecompress: unsupportedFunction('createBrotliDecompress', NO_STREAMS),
};

Object.defineProperties(module.exports, {
  constants: { value: constants, enumerable: true, writable: false, configurable: false },
  codes: { value: codes, enumerable: true, writable: false, configurable: false },
});

// The deprecated top-level copies of the zlib constants (not brotli's), as in Node.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    value: constants[key], enumerable: false, writable: false, configurable: false,
  });
}
