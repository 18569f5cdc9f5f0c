'use strict';

// UTF-8 codec shared by buffer, string_decoder and TextEncoder/TextDecoder.
// Encoding follows V8's String::WriteUtf8 as node uses it: lone surrogates
// become U+FFFD (EF BF BD) and only whole characters are written when the
// destination is too small. Decoding follows the WHATWG decoder (what V8's
// String::NewFromUtf8 does): each maximal invalid subpart becomes one U+FFFD.
// Strings are built from Uint16Array chunks of at most CHUNK code units, so
// large inputs never concatenate per character.

const CHUNK = 8192;
const fromCharCode = String.fromCharCode;
// +2: a surrogate pair may be stored after the chunk-full check.
const units = new Uint16Array(CHUNK + 2);

// ---------------------------------------------------------------------------
// Encoding

function byteLength(str) {
  const len = str.length;
  let n = len;
  for (let i = 0; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      n += 1;
    } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        n += 2; // 4 bytes for 2 code units
        i++;
      } else {
        n += 2;
      }
    } else {
      n += 2;
    }
  }
  return n;
}

// Number of UTF-16 code units consumed by the last write() call.
let lastRead = 0;

// Writes `str` into `dst[pos, end)`; returns the number of bytes written.
// Stops before the first character that does not fit whole.
function write(str, dst, pos, end) {
  const start = pos;
  const len = str.length;
  let i = 0;
  for (; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (pos >= end) break;
      dst[pos++] = c;
      continue;
    }
    if (c < 0x800) {
      if (pos + 2 > end) break;
      dst[pos++] = 0xC0 | (c >> 6);
      dst[pos++] = 0x80 | (c & 0x3F);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      if (c <= 0xDBFF && i + 1 < len) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          if (pos + 4 > end) break;
          const cp = ((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000;
          dst[pos++] = 0xF0 | (cp >> 18);
          dst[pos++] = 0x80 | ((cp >> 12) & 0x3F);
          dst[pos++] = 0x80 | ((cp >> 6) & 0x3F);
          dst[pos++] = 0x80 | (cp & 0x3F);
          i++;
          continue;
        }
      }
      c = 0xFFFD;
    }
    if (pos + 3 > end) break;
    dst[pos++] = 0xE0 | (c >> 12);
    dst[pos++] = 0x80 | ((c >> 6) & 0x3F);
    dst[pos++] = 0x80 | (c & 0x3F);
  }
  lastRead = i;
  return pos - start;
}

function encode(str) {
  const out = new Uint8Array(byteLength(str));
  write(str, out, 0, out.length);
  return out;
}

// For TextEncoder#encodeInto: { read, written }.
function encodeInto(str, dst) {
  const written = write(str, dst, 0, dst.length);
  return { read: lastRead, written };
}

// ---------------------------------------------------------------------------
// Decoding

// Byte range [start, end) of only 0x00-0xFF values -> string, chunked.
function latin1Chunks(bytes, start, end) {
  if (end - start <= CHUNK) return fromCharCode.apply(null, bytes.subarray(start, end));
  let res = '';
  for (let i = start; i < end; i += CHUNK) {
    res += fromCharCode.apply(null, bytes.subarray(i, Math.min(i + CHUNK, end)));
  }
  return res;
}

// Set by decodeCore when it stops early (stream mode): index of the first
// byte of a trailing incomplete sequence, else -1. Set to the failing index
// when `fatal` decoding meets invalid data (and null is returned).
let stopIndex = -1;

const FLAG_STREAM = 1;
const FLAG_FATAL = 2;

// Core decoder. flags: FLAG_STREAM keeps a trailing incomplete (but so far
// valid) sequence undecoded (see stopIndex); FLAG_FATAL returns null on the
// first invalid sequence.
function decodeCore(bytes, start, end, flags) {
  stopIndex = -1;
  let i = start;
  while (i < end && bytes[i] < 0x80) i++;
  if (i === end) return start === end ? '' : latin1Chunks(bytes, start, end);
  let res = i > start ? latin1Chunks(bytes, start, i) : '';
  const u = units;
  let n = 0;
  while (i < end) {
    const seq = i;
    const c = bytes[i++];
    if (c < 0x80) {
      u[n++] = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i < end && (bytes[i] & 0xC0) === 0x80) {
        u[n++] = ((c & 0x1F) << 6) | (bytes[i++] & 0x3F);
      } else {
        if (i === end && (flags & FLAG_STREAM)) { stopIndex = seq; break; }
        if (flags & FLAG_FATAL) { stopIndex = seq; return null; }
        u[n++] = 0xFFFD;
      }
    } else if (c >= 0xE0 && c <= 0xEF) {
      const lo = c === 0xE0 ? 0xA0 : 0x80;
      const hi = c === 0xED ? 0x9F : 0xBF;
      let b1;
      if (i < end && (b1 = bytes[i]) >= lo && b1 <= hi) {
        i++;
        if (i < end && (bytes[i] & 0xC0) === 0x80) {
          u[n++] = ((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (bytes[i++] & 0x3F);
          continue;
        }
      }
      if (i === end && (flags & FLAG_STREAM)) { stopIndex = seq; break; }
      if (flags & FLAG_FATAL) { stopIndex = seq; return null; }
      u[n++] = 0xFFFD;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const lo = c === 0xF0 ? 0x90 : 0x80;
      const hi = c === 0xF4 ? 0x8F : 0xBF;
      let b1;
      let ok = false;
      if (i < end && (b1 = bytes[i]) >= lo && b1 <= hi) {
        i++;
        if (i < end && (bytes[i] & 0xC0) === 0x80) {
          const b2 = bytes[i++];
          if (i < end && (bytes[i] & 0xC0) === 0x80) {
            const cp = ((c & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (bytes[i++] & 0x3F);
            u[n++] = 0xD800 + ((cp - 0x10000) >> 10);
            u[n++] = 0xDC00 + (cp & 0x3FF);
            ok = true;
          }
        }
      }
      if (!ok) {
        if (i === end && (flags & FLAG_STREAM)) { stopIndex = seq; break; }
        if (flags & FLAG_FATAL) { stopIndex = seq; return null; }
        u[n++] = 0xFFFD;
      }
    } else {
      if (flags & FLAG_FATAL) { stopIndex = seq; return null; }
      u[n++] = 0xFFFD;
    }
    if (n >= CHUNK) {
      res += fromCharCode.apply(null, u.subarray(0, n));
      n = 0;
    }
  }
  if (n > 0) res += fromCharCode.apply(null, u.subarray(0, n));
  return res;
}

// Replacement-mode decode of bytes[start, end).
function decode(bytes, start = 0, end = bytes.length) {
  return decodeCore(bytes, start, end, 0);
}

function isUtf8(bytes, start = 0, end = bytes.length) {
  return decodeCore(bytes, start, end, FLAG_FATAL) !== null;
}

// Length of the sequence a lead byte announces (WHATWG), 0 when invalid.
function sequenceLength(c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Whether `b` may follow the `index`-th byte (>= 1) of a sequence led by `lead`.
function validContinuation(lead, index, b) {
  if (index === 1) {
    if (lead === 0xE0) return b >= 0xA0 && b <= 0xBF;
    if (lead === 0xED) return b >= 0x80 && b <= 0x9F;
    if (lead === 0xF0) return b >= 0x90 && b <= 0xBF;
    if (lead === 0xF4) return b >= 0x80 && b <= 0x8F;
  }
  return (b & 0xC0) === 0x80;
}

// Streaming WHATWG UTF-8 decoder (TextDecoder). decode() returns a string, or
// null when `fatal` and the input is invalid (the decoder is then reset).
class StreamDecoder {
  constructor(fatal) {
    this.fatal = !!fatal;
    this.pending = new Uint8Array(4);
    this.pendingLength = 0;
  }

  reset() {
    this.pendingLength = 0;
  }

  decode(bytes, stream) {
    const fatal = this.fatal;
    let start = 0;
    const end = bytes.length;
    let prefix = '';
    if (this.pendingLength > 0) {
      const p = this.pending;
      const need = sequenceLength(p[0]);
      let k = this.pendingLength;
      let broken = false;
      while (k < need && start < end) {
        const b = bytes[start];
        if (!validContinuation(p[0], k, b)) { broken = true; break; }
        p[k++] = b;
        start++;
      }
      if (k === need) {
        prefix = decodeCore(p, 0, k, 0);
        this.pendingLength = 0;
      } else if (!broken && stream) {
        this.pendingLength = k;
        return '';
      } else {
        this.pendingLength = 0;
        if (fatal) return null;
        prefix = '\uFFFD';
      }
    }
    let flags = stream ? FLAG_STREAM : 0;
    if (fatal) flags |= FLAG_FATAL;
    const body = decodeCore(bytes, start, end, flags);
    if (body === null) {
      this.pendingLength = 0;
      return null;
    }
    if (stopIndex !== -1) {
      const k = end - stopIndex;
      for (let j = 0; j < k; j++) this.pending[j] = bytes[stopIndex + j];
      this.pendingLength = k;
    }
    return prefix === '' ? body : prefix + body;
  }
}

// ---------------------------------------------------------------------------
// Encoding names (node's internal/util normalizeEncoding)

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

module.exports = {
  CHUNK,
  byteLength,
  write,
  encode,
  encodeInto,
  decode,
  isUtf8,
  latin1Chunks,
  StreamDecoder,
  normalizeEncoding,
  get lastRead() { return lastRead; },
};
