'use strict';

// node:string_decoder. Node keeps the decoder state in a small Buffer that a
// C++ binding updates; the same layout is kept here (so `lastChar`,
// `lastNeed` and `lastTotal` read the same) and the binding's algorithm is
// done in JavaScript: incomplete UTF-8 / UTF-16 characters and partial
// base64 groups at the end of a chunk are held back until the next write().

const { Buffer } = require('buffer');
const bufferInternals = require('buffer')[Symbol.for('loopd.buffer.internals')];
const { normalizeEncoding: _normalizeEncoding } = require('internal/utf8');

const { slices, bytesOf, kIsEncodingSymbol } = bufferInternals;

let errorsModule;
function codes() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule.codes;
}

// Layout of the state buffer (node's string_decoder binding constants).
const kIncompleteCharactersStart = 0;
const kIncompleteCharactersEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

// node's `enum encoding` values.
const encodingsMap = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, buffer: 6, base64url: 7 };
const encodingNames = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url'];

const isEncoding = Buffer[kIsEncodingSymbol];
const kNativeDecoder = Symbol('kNativeDecoder');

// Buffer.isEncoding may be monkey-patched to accept more names; those are
// passed through (as node does).
function normalizeEncoding(enc) {
  const nenc = _normalizeEncoding(enc);
  if (nenc === undefined) {
    if (Buffer.isEncoding === isEncoding || !Buffer.isEncoding(enc)) {
      throw new (codes().ERR_UNKNOWN_ENCODING)(enc);
    }
    return enc;
  }
  return nenc;
}

function makeString(bytes, start, end, enc) {
  return slices[enc](bytes, start, end);
}

function decodeData(state, data) {
  const enc = encodingNames[state[kEncodingField]] || 'ascii';
  let start = 0;
  let nread = data.length;

  if (enc !== 'utf8' && enc !== 'utf16le' && enc !== 'base64' && enc !== 'base64url') {
    return nread === 0 ? '' : makeString(data, 0, nread, enc);
  }

  let prepend = '';
  // Finish a character left incomplete by the previous chunk.
  if (state[kMissingBytes] > 0) {
    if (enc === 'utf8') {
      // Like V8's decoder: a byte that is not a continuation byte ends the
      // incomplete character early (and starts the next one).
      for (let i = 0; i < nread && i < state[kMissingBytes]; ++i) {
        if ((data[start + i] & 0xC0) !== 0x80) {
          state[kMissingBytes] = 0;
          state.set(data.subarray(start, start + i), state[kBufferedBytes]);
          state[kBufferedBytes] += i;
          start += i;
          nread -= i;
          break;
        }
      }
    }
    const found = Math.min(nread, state[kMissingBytes]);
    state.set(data.subarray(start, start + found), state[kBufferedBytes]);
    start += found;
    nread -= found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = makeString(state, 0, state[kBufferedBytes], enc);
      state[kBufferedBytes] = 0;
    }
  }

  if (nread === 0) return prepend;

  // Hold back a character that may be cut off at the end of this chunk.
  if (enc === 'utf8') {
    if (data[start + nread - 1] & 0x80) {
      for (let i = nread - 1; ; --i) {
        state[kBufferedBytes]++;
        const b = data[start + i];
        if ((b & 0xC0) === 0x80) {
          // A trailing byte: give up after 4 of them or at the chunk start.
          if (state[kBufferedBytes] >= 4 || i === 0) {
            state[kBufferedBytes] = 0;
            break;
          }
        } else {
          if ((b & 0xE0) === 0xC0) {
            state[kMissingBytes] = 2;
          } else if ((b & 0xF0) === 0xE0) {
            state[kMissingBytes] = 3;
          } else if ((b & 0xF8) === 0xF0) {
            state[kMissingBytes] = 4;
          } else {
            state[kBufferedBytes] = 0;
            break;
          }
          if (state[kBufferedBytes] >= state[kMissingBytes]) {
            state[kMissingBytes] = 0;
            state[kBufferedBytes] = 0;
          }
          state[kMissingBytes] -= state[kBufferedBytes];
          break;
        }
      }
    }
  } else if (enc === 'utf16le') {
    if ((nread % 2) === 1) {
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((data[start + nread - 1] & 0xFC) === 0xD8) {
      // Lead surrogate: wait for its pair.
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else {
    state[kBufferedBytes] = nread % 3;
    if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
  }

  const buffered = state[kBufferedBytes];
  if (buffered > 0) {
    nread -= buffered;
    state.set(data.subarray(start + nread, start + nread + buffered), 0);
  }

  const body = nread > 0 ? makeString(data, start, start + nread, enc) : '';
  return prepend === '' ? body : prepend + body;
}

function flushData(state) {
  const enc = encodingNames[state[kEncodingField]] || 'ascii';
  if (enc === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A single trailing byte is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const ret = makeString(state, 0, state[kBufferedBytes], enc);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return ret;
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodingsMap[this.encoding];
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) {
    throw new (codes().ERR_INVALID_THIS)('StringDecoder');
  }
  return decodeData(this[kNativeDecoder], bytesOf(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flushData(this[kNativeDecoder]);
  return ret;
};

/* Undocumented legacy API. */
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteCharactersStart, kIncompleteCharactersEnd);
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

exports.StringDecoder = StringDecoder;
