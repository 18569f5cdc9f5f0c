'use strict';
// The WHATWG URL Standard (https://url.spec.whatwg.org/) as Node v20 exposes it: `URL` and
// `URLSearchParams` with Node's API surface (after Node's lib/internal/url.js, MIT) and the
// parsing behaviour of ada 2.9 (the C++ parser Node 20 uses), written here in JavaScript.
//
// A URL is kept as a URL record { scheme, username, password, host, port, path, query, fragment }
// (the Standard's model): `path` is an array of segments, or a string for an opaque path; `host`
// is null or the serialized host. basicParse is the Standard's state machine; where ada 2.9
// behaves differently Node does too, so the code follows ada there (each place says so): paths
// are consumed as ada's consume_prepared_path does, the host/hostname/port setters are ada's, a
// relative reference with a fragment against an opaque-path base is resolved as ada 2.9 does.
//
// IDNA: UTS #46 ToASCII (non-transitional, CheckHyphens=false, CheckBidi, CheckJoiners, no DNS
// length check) as ada 2.9 implements it for Unicode 15.0, but without the UTS #46 data tables:
//   - mapping = NFKC, then case folding approximated by upper- then lower-casing each code point,
//     plus the known exceptions (deviations ß ς ZWJ ZWNJ kept, ẞ -> ss, Cherokee, full stops,
//     the ignored code points);
//   - disallowed = general categories Cc Cf Cn Co Cs Zl Zp Zs, compatibility characters that
//     decompose to a full stop (U+2024, U+2488...), and a short list of assigned exceptions;
//   - CheckBidi and CheckJoiners use small range tables (RTL, AN, EN, joining types, viramas)
//     instead of the Unicode Character Database.
// This agrees with Node on every input of WPT's IdnaTestV2 and toascii tests (under V8 and
// GraalJS), but code points whose mapping needs the real table (a few compatibility characters
// mapping to several code points, unassigned code points that the regexp engine's Unicode
// version knows) can differ. Punycode (RFC 3492) is exact.
//
// Not provided: Blob URLs have no Blob to point to (createObjectURL accepts Blob if 'buffer'
// ever exports one; revokeObjectURL forgets it); domainToUnicode never maps beyond Punycode.

const errors = require('internal/errors');
const { codes } = errors;
const utf8 = require('internal/utf8');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// ---------------------------------------------------------------------------
// Errors. Codes missing from internal/errors get a local class with Node's name, code and message.

// Used with `new`: returns an instance of Base itself, as Node's errors are.
function localError(Base, code, format) {
  return function NodeError(...args) {
    const error = new Base(format(...args));
    Object.defineProperty(error, 'code', {
      __proto__: null, value: code, enumerable: true, writable: true, configurable: true,
    });
    Object.defineProperty(error, 'toString', {
      __proto__: null,
      value() { return `${this.name} [${code}]: ${this.message}`; },
      writable: true,
      configurable: true,
    });
    // Stack header as Node prints it.
    const stack = error.stack;
    if (typeof stack === 'string') {
      const nl = stack.indexOf('\n');
      Object.defineProperty(error, 'stack', {
        __proto__: null,
        value: `${Base.name} [${code}]: ${error.message}${nl === -1 ? '' : stack.slice(nl)}`,
        writable: true,
        configurable: true,
      });
    }
    return error;
  };
}

function code(name, Base, format) {
  let C;
  try { C = codes[name]; } catch { C = undefined; }
  return typeof C === 'function' ? C : localError(Base, name, format);
}

const ERR_INVALID_URL = (() => {
  let C;
  try { C = codes.ERR_INVALID_URL; } catch { C = undefined; }
  if (typeof C === 'function') return C;
  const L = localError(TypeError, 'ERR_INVALID_URL', () => 'Invalid URL');
  return function NodeError(input, base = null) {
    const error = new L();
    error.input = input;
    if (base != null) error.base = base;
    return error;
  };
})();
// What the URL constructor throws: Node throws it from C++ (THROW_ERR_INVALID_URL), a plain
// TypeError (stack header "TypeError: Invalid URL") with own code, input and base.
function invalidURLFromParser(input, base) {
  const error = new TypeError('Invalid URL');
  error.code = 'ERR_INVALID_URL';
  error.input = input;
  if (base !== undefined) error.base = base;
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(error, invalidURLFromParser);
  }
  return error;
}

const ERR_INVALID_ARG_TYPE = codes.ERR_INVALID_ARG_TYPE;
const ERR_INVALID_ARG_VALUE = codes.ERR_INVALID_ARG_VALUE;
const ERR_MISSING_ARGS = codes.ERR_MISSING_ARGS;
const ERR_INVALID_THIS = code('ERR_INVALID_THIS', TypeError,
  (type) => `Value of "this" must be of type ${type}`);
const ERR_ARG_NOT_ITERABLE = code('ERR_ARG_NOT_ITERABLE', TypeError,
  (name) => `${name} must be iterable`);
const ERR_INVALID_TUPLE = code('ERR_INVALID_TUPLE', TypeError,
  (name, type) => `${name} must be an iterable ${type} tuple`);
const ERR_INVALID_FILE_URL_PATH = code('ERR_INVALID_FILE_URL_PATH', TypeError,
  (msg) => `File URL path ${msg}`);
const ERR_INVALID_FILE_URL_HOST = code('ERR_INVALID_FILE_URL_HOST', TypeError,
  (platform) => `File URL host must be "localhost" or empty on ${platform}`);
const ERR_INVALID_URL_SCHEME = code('ERR_INVALID_URL_SCHEME', TypeError,
  (expected) => {
    if (typeof expected === 'string') expected = [expected];
    const res = expected.length === 2 ?
      `one of scheme ${expected[0]} or ${expected[1]}` :
      `of scheme ${expected[0]}`;
    return `The URL must be ${res}`;
  });

// ---------------------------------------------------------------------------
// Strings

const toWellFormed = typeof String.prototype.toWellFormed === 'function' ?
  (s) => s.toWellFormed() :
  (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD');

const hexTable = new Array(256);
for (let i = 0; i < 256; i++) {
  hexTable[i] = '%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase();
}

// Percent-encode sets, as tables over ASCII (1 = encode); every code point above 0x7E is encoded.
function makeSet(base, extra) {
  const t = new Uint8Array(128);
  if (base) t.set(base);
  else { for (let i = 0; i < 0x20; i++) t[i] = 1; t[0x7F] = 1; }
  for (let i = 0; i < extra.length; i++) t[extra.charCodeAt(i)] = 1;
  return t;
}
const C0_CONTROL_SET = makeSet(null, '');
const FRAGMENT_SET = makeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, '\'');
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');

// UTF-8 percent-encodes the code points of `str` that are in `set` (lone surrogates as U+FFFD).
function percentEncode(str, set) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && set[c] === 0) continue;
    if (last < i) out += str.slice(last, i);
    if (c < 0x80) {
      out += hexTable[c];
    } else if (c < 0x800) {
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
    } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len &&
               (str.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
      c = 0x10000 + ((c & 0x3FF) << 10) + (str.charCodeAt(++i) & 0x3FF);
      out += hexTable[0xF0 | (c >> 18)] + hexTable[0x80 | ((c >> 12) & 0x3F)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    } else {
      if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
      out += hexTable[0xE0 | (c >> 12)] + hexTable[0x80 | ((c >> 6) & 0x3F)] +
        hexTable[0x80 | (c & 0x3F)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  return last < len ? out + str.slice(last) : out;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  c |= 0x20;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

// Percent-decodes `str` (UTF-8 encoded first) into bytes.
function percentDecodeBytes(str) {
  const bytes = utf8.encode(str);
  if (str.indexOf('%') === -1) return bytes;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length) {
      const h = hexValue(bytes[i + 1]);
      const l = hexValue(bytes[i + 2]);
      if (h >= 0 && l >= 0) {
        out[n++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

function percentDecodeString(str) {
  if (str.indexOf('%') === -1) return str;
  const bytes = percentDecodeBytes(str);
  return utf8.decode(bytes, 0, bytes.length);
}

// ---------------------------------------------------------------------------
// Punycode (RFC 3492)

const P_BASE = 36;
const P_TMIN = 1;
const P_TMAX = 26;
const P_SKEW = 38;
const P_DAMP = 700;
const P_INITIAL_BIAS = 72;
const P_INITIAL_N = 128;

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / P_DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((P_BASE - P_TMIN) * P_TMAX) >> 1) {
    delta = Math.floor(delta / (P_BASE - P_TMIN));
    k += P_BASE;
  }
  return k + Math.floor(((P_BASE - P_TMIN + 1) * delta) / (delta + P_SKEW));
}

function digitToChar(d) {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

function punycodeEncode(label) {
  const input = Array.from(label, (ch) => ch.codePointAt(0));
  let output = '';
  for (const c of input) if (c < 0x80) output += String.fromCharCode(c);
  const b = output.length;
  let h = b;
  if (b > 0) output += '-';
  let n = P_INITIAL_N;
  let delta = 0;
  let bias = P_INITIAL_BIAS;
  while (h < input.length) {
    let m = 0x7FFFFFFF;
    for (const c of input) if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = P_BASE; ; k += P_BASE) {
          const t = k <= bias ? P_TMIN : (k >= bias + P_TMAX ? P_TMAX : k - bias);
          if (q < t) break;
          output += digitToChar(t + ((q - t) % (P_BASE - t)));
          q = Math.floor((q - t) / (P_BASE - t));
        }
        output += digitToChar(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// Returns the decoded label, or null when `input` is not valid Punycode.
function punycodeDecode(input) {
  const output = [];
  let b = input.lastIndexOf('-');
  if (b < 0) b = 0;
  for (let j = 0; j < b; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = P_INITIAL_N;
  let bias = P_INITIAL_BIAS;
  let i = 0;
  for (let idx = b > 0 ? b + 1 : 0; idx < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = P_BASE; ; k += P_BASE) {
      if (idx >= input.length) return null;
      const c = input.charCodeAt(idx++);
      let digit;
      if (c >= 0x30 && c <= 0x39) digit = c - 22;
      else if (c >= 0x41 && c <= 0x5A) digit = c - 0x41;
      else if (c >= 0x61 && c <= 0x7A) digit = c - 0x61;
      else return null;
      if (digit > Math.floor((0x7FFFFFFF - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? P_TMIN : (k >= bias + P_TMAX ? P_TMAX : k - bias);
      if (digit < t) break;
      if (w > Math.floor(0x7FFFFFFF / (P_BASE - t))) return null;
      w *= P_BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (Math.floor(i / len) > 0x7FFFFFFF - n) return null;
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

// ---------------------------------------------------------------------------
// IDNA (UTS #46 as of Unicode 15.0, which ada 2.9 implements), without its data tables: see the
// header. The pieces below stand in for the tables.

// Ranges as "a-b,c,...", hexadecimal.
function parseRanges(spec) {
  const out = [];
  for (const part of spec.split(',')) {
    const dash = part.indexOf('-');
    const a = parseInt(dash === -1 ? part : part.slice(0, dash), 16);
    const b = dash === -1 ? a : parseInt(part.slice(dash + 1), 16);
    out.push(a, b);
  }
  return out;
}

function inRanges(ranges, cp) {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

let idnaData;
function lazyIdnaData() {
  idnaData ??= {
    // Ignored (mapped to nothing).
    ignored: parseRanges('ad,34f,180b-180d,180f,200b,2060-2064,fe00-fe0f,feff,1bca0-1bca3,' +
      'e0100-e01ef'),
    // Disallowed although assigned and not caught by the general categories: Georgian capitals,
    // Hangul fillers and the other characters UTS #46 15.1 changed from disallowed to mapped or
    // ignored, Khmer inherent vowels, ideographic description characters, U+FFFC/U+FFFD, and
    // code points assigned after Unicode 15.1 (CJK extension J) that a newer regexp engine knows.
    disallowed: parseRanges('4c0,10a0-10c5,10c7,10cd,115f-1160,17b4-17b5,2132,2183,2ff0-2fff,' +
      '3164,ffa0,fffc-fffd,2f868,2f874,2f91f,2f95f,2f9bf,323b0-3347f'),
    // Bidi_Class R or AL (with unassigned, NSM, AN and EN code points inside the ranges, which are
    // classified first).
    rtl: parseRanges('5be-5f4,608,60b,60d,61b-64a,66d-6d5,6e5-6e6,6ee-7f5,7fa-8c9,fb1d-fb28,' +
      'fb2a-fd3d,fd50-fdc7,fdf0-fdfc,fe70-fefc,10800-1091b,10920-10b35,10b40-10ff6,1e800-1eebb'),
    an: parseRanges('600-605,660-669,66b-66c,6dd,890-891,8e2,10d30-10d39,10e60-10e7e'),
    en: parseRanges('30-39,b2-b3,b9,6f0-6f9,2070,2074-2079,2080-2089,2488-249b,ff10-ff19,' +
      '102e1-102fb,1d7ce-1d7ff,1f100-1f10a,1fbf0-1fbf9'),
    // Joining_Type L or D, and R or D (for the ZWNJ rule of CheckJoiners).
    joinLD: parseRanges('620,626,628,62a-62e,633-63f,641-647,649-64a,66e-66f,678-687,69a-6bf,' +
      '6c1-6c2,6cc,6ce,6d0-6d1,6fa-6fc,6ff,712-714,71a-71d,71f-727,729,72b,72d-72e,74e-758,' +
      '75c-76a,76d-770,772,775-777,77a-77f,7ca-7ea,841-845,848,84a-853,855,860,862-865,868,886,' +
      '889-88d,88f,8a0-8a9,8af-8b0,8b3-8b8,8ba-8c8,1807,1820-1878,1887-18a8,18aa,a840-a872'),
    joinRD: parseRanges('620,622-63f,641-64a,66e-66f,671-673,675-6d3,6d5,6ee-6ef,6fa-6fc,6ff,' +
      '710,712-72f,74d-77f,7ca-7ea,840-858,860,862-865,867-86a,870-882,886,889-88f,8a0-8ac,' +
      '8ae-8c8,1807,1820-1878,1887-18a8,18aa,a840-a871'),
    // Canonical_Combining_Class=Virama.
    virama: parseRanges('94d,9cd,a4d,acd,b4d,bcd,c4d,ccd,d3b-d3c,d4d,dca,e3a,eba,f84,1039-103a,' +
      '1714-1715,1734,17d2,1a60,1b44,1baa-1bab,1bf2-1bf3,2d7f,a806,a82c,a8c4,a953,a9c0,aaf6,abed,' +
      '10a3f,11046,11070,1107f,110b9,11133-11134,111c0,11235,112ea,1134d,11442,114c2,115bf,' +
      '1163f,116b6,1172b,11839,1193d-1193e,119e0,11a34,11a47,11a99,11c3f,11d44-11d45,11d97'),
  };
  return idnaData;
}

// General categories UTS #46 disallows (or that only appear here when disallowed).
const DISALLOWED_CATEGORY_RE = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Zs}]/u;
const FULL_STOPS_RE = /[.\u3002\uFF0E\uFF61]/;
const MARK_RE = /^[\p{Mn}\p{Me}]$/u;
const LEADING_MARK_RE = /^\p{M}/u;
const NEUTRAL_RE = /^[\p{P}\p{S}]$/u;

// The UTS #46 mapping of one code point: a string, '' when ignored, null when disallowed.
function uts46MapCodePoint(ch, cp) {
  const data = lazyIdnaData();
  if (cp < 0x80) {
    return cp >= 0x41 && cp <= 0x5A ? String.fromCharCode(cp + 32) : ch;
  }
  if (inRanges(data.ignored, cp)) return '';
  // Deviations (kept by non-transitional processing) and the full stops.
  if (cp === 0xDF || cp === 0x3C2 || cp === 0x200C || cp === 0x200D) return ch;
  if (cp === 0x3002 || cp === 0xFF0E || cp === 0xFF61) return '.';
  if (inRanges(data.disallowed, cp) || DISALLOWED_CATEGORY_RE.test(ch)) return null;
  const nfkc = ch.normalize('NFKC');
  // Compatibility characters that decompose to a full stop (U+2024, U+2488...) are disallowed.
  if (FULL_STOPS_RE.test(nfkc)) return null;
  // Case folding, approximated by upper- then lower-casing each code point.
  let out = '';
  for (const c of nfkc) {
    const x = c.codePointAt(0);
    if (x === 0x131 || (x >= 0x13A0 && x <= 0x13F5)) out += c; // dotless i, Cherokee: valid
    else if (x >= 0xAB70 && x <= 0xABBF) out += String.fromCodePoint(x - 0xAB70 + 0x13A0);
    else if (x >= 0x13F8 && x <= 0x13FD) out += String.fromCodePoint(x - 8);
    else if (x === 0x1E9E) out += 'ss';
    else out += c.toUpperCase().toLowerCase();
  }
  if (DISALLOWED_CATEGORY_RE.test(out) && out !== ' ') return null;
  return out;
}

// The mapping and normalization steps; null when a code point is disallowed.
function uts46Map(domain) {
  let out = '';
  for (const ch of domain) {
    const m = uts46MapCodePoint(ch, ch.codePointAt(0));
    if (m === null) return null;
    out += m;
  }
  return out.normalize('NFC');
}

// Bidi classes, as far as the validity rules need them.
function bidiClass(ch, cp) {
  const data = lazyIdnaData();
  if (cp < 0x80) {
    if (cp >= 0x30 && cp <= 0x39) return 'EN';
    if ((cp >= 0x41 && cp <= 0x5A) || (cp >= 0x61 && cp <= 0x7A)) return 'L';
    return 'ON';
  }
  if (MARK_RE.test(ch)) return 'NSM';
  if (inRanges(data.an, cp)) return 'AN';
  if (inRanges(data.en, cp)) return 'EN';
  if (inRanges(data.rtl, cp)) return 'R';
  if (NEUTRAL_RE.test(ch)) return 'ON';
  return 'L';
}

// ada's is_label_valid: leading combining mark, CheckJoiners, CheckBidi (ada applies the bidi
// rules to each label containing an R, AL or AN code point).
function validLabel(label) {
  if (label === '') return true;
  if (LEADING_MARK_RE.test(label)) return false;
  const data = lazyIdnaData();
  const cps = Array.from(label, (c) => c.codePointAt(0));
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === 0x200C || c === 0x200D) {
      // As ada: the first joiner decides the label's validity.
      if (i > 0 && inRanges(data.virama, cps[i - 1])) return true;
      if (c === 0x200D) return false;
      if (i === 0 || i + 1 >= cps.length) return false;
      return cps.slice(0, i).some((x) => inRanges(data.joinLD, x)) &&
        cps.slice(i + 1).some((x) => inRanges(data.joinRD, x));
    }
  }
  const chars = Array.from(label);
  const dirs = chars.map((ch, i) => bidiClass(ch, cps[i]));
  let last = dirs.length - 1;
  while (last >= 0 && dirs[last] === 'NSM') last--;
  if (last < 0) return false;
  if (!dirs.some((d) => d === 'R' || d === 'AN')) return true;
  if (dirs[0] === 'L') {
    // As ada: the code points before the last non-NSM one must not be R, AL or AN.
    for (let i = 0; i < last; i++) {
      if (dirs[i] === 'R' || dirs[i] === 'AN') return false;
    }
    return true;
  }
  let hasAN = false;
  let hasEN = false;
  for (let i = 0; i <= last; i++) {
    const d = dirs[i];
    if (d === 'EN') hasEN = true;
    if (d === 'AN') hasAN = true;
    if (hasEN && hasAN) return false;
    if (d === 'L') return false;
  }
  const d = dirs[last];
  return d === 'R' || d === 'AN' || d === 'EN';
}

// UTS #46 ToASCII as ada::idna::to_ascii does it: '' on failure.
function idnaToASCII(domain) {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7F]*$/.test(domain);
  const mapped = ascii ? domain.toLowerCase() : uts46Map(domain);
  if (mapped === null) return '';
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      // eslint-disable-next-line no-control-regex
      if (!/^[\x00-\x7F]*$/.test(label)) return '';
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null || decoded === '') return '';
      if (uts46Map(decoded) !== decoded || !validLabel(decoded)) return '';
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (ascii || /^[\x00-\x7F]*$/.test(label)) continue;
    if (!validLabel(label)) return '';
    labels[i] = 'xn--' + punycodeEncode(label);
  }
  return labels.join('.');
}

function idnaToUnicode(domain) {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.length > 4 && label.slice(0, 4).toLowerCase() === 'xn--') {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded !== null) labels[i] = decoded;
    }
  }
  return labels.join('.');
}

// ---------------------------------------------------------------------------
// Host parsing

const FAILURE = Symbol('failure');

// eslint-disable-next-line no-control-regex
const FORBIDDEN_HOST_RE = /[\x00\t\n\r #/:<>?@[\\\]^|]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_DOMAIN_RE = /[\x00-\x20#%/:<>?@[\\\]^|\x7F]/;

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) {
    radix = 16;
    s = s.slice(2);
  } else if (s.length >= 2 && s[0] === '0') {
    radix = 8;
    s = s.slice(1);
  }
  if (s === '') return 0;
  const re = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 10 ? /^[0-9]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return NaN;
  return parseInt(s, radix);
}

function endsInANumber(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return !Number.isNaN(parseIPv4Number(last));
}

function parseIPv4(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (Number.isNaN(n)) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return FAILURE;
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.` +
    `${Math.floor(n / 256) % 256}.${n % 256}`;
}

function isHexDigit(c) {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const len = input.length;
  const at = (i) => (i < len ? input.charCodeAt(i) : -1);
  if (at(p) === 0x3A) {
    if (at(p + 1) !== 0x3A) return FAILURE;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== -1) {
    if (pieceIndex === 8) return FAILURE;
    if (at(p) === 0x3A) {
      if (compress !== null) return FAILURE;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHexDigit(at(p))) {
      value = value * 16 + hexValue(at(p));
      p++;
      length++;
    }
    if (at(p) === 0x2E) {
      if (length === 0) return FAILURE;
      p -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (at(p) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2E && numbersSeen < 4) p++;
          else return FAILURE;
        }
        let c = at(p);
        if (c < 0x30 || c > 0x39) return FAILURE;
        while (c >= 0x30 && c <= 0x39) {
          const number = c - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return FAILURE;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return FAILURE;
          p++;
          c = at(p);
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (at(p) === 0x3A) {
      p++;
      if (at(p) === -1) return FAILURE;
    } else if (at(p) !== -1) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  let compress = -1;
  let best = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > best) { best = j - i; compress = i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (compress === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// The domain to ASCII of the Standard (beStrict = false): '' / FAILURE handling included.
function domainToASCIIInternal(domain) {
  const ascii = idnaToASCII(domain);
  if (ascii === '' || FORBIDDEN_DOMAIN_RE.test(ascii)) return FAILURE;
  return ascii;
}

// Returns the serialized host or FAILURE.
function parseHost(input, isNotSpecial) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    if (address === FAILURE) return FAILURE;
    return `[${serializeIPv6(address)}]`;
  }
  if (isNotSpecial) {
    if (FORBIDDEN_HOST_RE.test(input)) return FAILURE;
    return percentEncode(input, C0_CONTROL_SET);
  }
  const domain = percentDecodeString(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === FAILURE) return FAILURE;
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    if (ipv4 === FAILURE) return FAILURE;
    return serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ---------------------------------------------------------------------------
// The URL record and the basic URL parser

const SPECIAL_SCHEMES = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443,
  'ws': 80, 'wss': 443 };

function isSpecialScheme(scheme) {
  return scheme in SPECIAL_SCHEMES;
}

function defaultPort(scheme) {
  const p = SPECIAL_SCHEMES[scheme];
  return p === undefined ? null : p;
}

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null;
    this.port = null;
    this.path = [];
    this.query = null;
    this.fragment = null;
  }
}

function cloneRecord(r) {
  const c = new URLRecord();
  c.scheme = r.scheme;
  c.username = r.username;
  c.password = r.password;
  c.host = r.host;
  c.port = r.port;
  c.path = typeof r.path === 'string' ? r.path : r.path.slice();
  c.query = r.query;
  c.fragment = r.fragment;
  return c;
}

function hasOpaquePath(url) {
  return typeof url.path === 'string';
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

function isAsciiAlpha(c) {
  if (c === undefined || c.length !== 1) return false;
  const x = c.charCodeAt(0) | 0x20;
  return x >= 0x61 && x <= 0x7A;
}

function isSchemeCodePoint(c) {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x61 && x <= 0x7A) || (x >= 0x41 && x <= 0x5A) || (x >= 0x30 && x <= 0x39) ||
    x === 0x2B || x === 0x2D || x === 0x2E;
}

function isWindowsDriveLetter(s) {
  return s.length === 2 && isAsciiAlpha(s[0]) && (s[1] === ':' || s[1] === '|');
}

// ada's is_windows_drive_letter: a drive letter alone or followed by '/', '\\', '?' or '#'.
function startsWithDriveLetter(s) {
  return s.length >= 2 && isAsciiAlpha(s[0]) && (s[1] === ':' || s[1] === '|') &&
    (s.length === 2 || s[2] === '/' || s[2] === '\\' || s[2] === '?' || s[2] === '#');
}

// As ada: any string starting with a letter and ':' (the Standard: exactly two code points).
function isNormalizedWindowsDriveLetter(s) {
  return s.length >= 2 && isAsciiAlpha(s[0]) && s[1] === ':';
}

// "starts with a Windows drive letter", on the code point array from `p`.
function startsWithWindowsDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAsciiAlpha(cps[p]) || (cps[p + 1] !== ':' && cps[p + 1] !== '|')) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === '/' || c === '\\' || c === '?' || c === '#';
}

// Returns whether a segment was removed (ada uses that, see the path state).
function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) {
    return false;
  }
  if (path.length === 0) {
    // ada 2.9: the opaque path of a base URL taken as a relative base (see NO_SCHEME) loses
    // its last '/'-separated part.
    const head = url.opaqueHead;
    if (head !== undefined && head.indexOf('/') !== -1) {
      url.opaqueHead = head.slice(0, head.lastIndexOf('/'));
      return true;
    }
    return false;
  }
  path.pop();
  return true;
}

// Bits of ada's path signature: 1 = needs percent-encoding, 2 = '\\', 4 = '.', 8 = '%'.
function pathSignature(s) {
  let acc = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 || c === 0x23 || c === 0x3C || c === 0x3E || c === 0x3F ||
        c === 0x60 || c === 0x7B || c === 0x7D || c > 0x7E) acc |= 1;
    else if (c === 0x25) acc |= 8;
    else if (c === 0x2E) acc |= 4;
    else if (c === 0x5C) acc |= 2;
  }
  return acc;
}

/**
 * Appends the segments of `input` (a path without its leading '/') to url's path as ada 2.9's
 * url_aggregator::consume_prepared_path does; it agrees with the Standard's path state except
 * for its shortcut: a path with dots but nothing to encode, not starting with '.' and whose first
 * "/." is followed by neither '.', '/' nor its end, is taken verbatim (so "/a/.x/../b" keeps its
 * "..") when the URL's path is empty so far.
 */
function consumePath(url, input, atPath) {
  const special = isSpecialScheme(url.scheme);
  const file = url.scheme === 'file';
  const acc = pathSignature(input);
  const slowFile = file && startsWithDriveLetter(input);
  let trivial = (special ? acc === 0 : (acc & 13) === 0) && !slowFile;
  if (acc === 4 && !slowFile && input[0] !== '.') {
    const slashDot = input.indexOf('/.');
    if (slashDot === -1) {
      trivial = true;
    } else {
      const next = input[slashDot + 2];
      trivial = !(next === undefined || next === '.' || next === '/');
    }
  }
  const path = url.path;
  if (trivial && atPath && path.length === 0 && !url.opaqueHead) {
    for (const seg of input.split('/')) path.push(seg);
    return;
  }
  if (special && (acc & 11) === 0 && !file) {
    // ada's fast path: no encoding, no '\\', no '%'.
    const segs = input.split('/');
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      if (i < segs.length - 1) {
        if (seg === '..') path.pop();
        else if (seg !== '.') path.push(seg);
      } else if (seg === '..') {
        if (path.length === 0) path.push('');
        else path[path.length - 1] = '';
      } else {
        path.push(seg === '.' ? '' : seg);
      }
    }
    return;
  }
  let rest = input;
  for (;;) {
    let loc = -1;
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i];
      if (ch === '/' || (special && (acc & 2) && ch === '\\')) {
        loc = i;
        break;
      }
    }
    let seg = loc === -1 ? rest : rest.slice(0, loc);
    if (loc !== -1) rest = rest.slice(loc + 1);
    if (acc & 1) seg = percentEncode(seg, PATH_SET);
    const last = loc === -1;
    if (isDoubleDot(seg)) {
      // A final '..' that removed nothing leaves a non-special URL's path as it is.
      if ((shortenPath(url) || special) && last) path.push('');
    } else if (isSingleDot(seg)) {
      if (last) path.push('');
    } else if (file && path.length === 0 && !url.opaqueHead && startsWithDriveLetter(seg)) {
      path.push(seg[0] + ':' + seg.slice(2));
    } else {
      path.push(seg);
    }
    if (last) return;
  }
}

function isSingleDot(s) {
  return s === '.' || (s.length === 3 && s.toLowerCase() === '%2e');
}

function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: { const l = s.toLowerCase(); return l === '.%2e' || l === '%2e.'; }
    case 6: return s.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

function stripTrailingSpacesFromOpaquePath(url) {
  if (!hasOpaquePath(url)) return;
  if (url.fragment !== null) return;
  if (url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

// eslint-disable-next-line no-control-regex
const TRIM_RE = /^[\x00-\x20]+|[\x00-\x20]+$/g;
const TAB_NL_RE = /[\t\n\r]/g;

/**
 * The basic URL parser. Without `url`, returns a new URL record or FAILURE; with `url` and
 * `stateOverride`, modifies `url` in place (as the Standard's setters do) and returns FAILURE
 * or undefined.
 */
function basicParse(input, base, url, stateOverride, atPathForSetter = false) {
  input = toWellFormed(input);
  if (url === undefined) {
    url = new URLRecord();
    input = input.replace(TRIM_RE, '');
  }
  input = input.replace(TAB_NL_RE, '');
  // Code units: only ASCII code points steer the parser, and every buffer that may hold a
  // surrogate pair is percent-encoded as a whole.
  const cps = input;
  const len = cps.length;
  const hasFragment = !stateOverride && input.indexOf('#') !== -1;
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  let fileHostStart = 0;
  let p = 0;

  for (;;) {
    const c = cps[p]; // undefined is EOF (p >= len)
    switch (state) {
      case SCHEME_START:
        if (isAsciiAlpha(c)) {
          buffer += c.toLowerCase();
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case SCHEME:
        if (isSchemeCodePoint(c)) {
          buffer += c.toLowerCase();
        } else if (c === ':') {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return;
            if (url.scheme === 'file' && url.host === '') return;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[p + 1] === '/') {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return FAILURE;
        }
        break;

      case NO_SCHEME:
        // ada 2.9 (what Node 20 has) tests for a fragment anywhere in the input here, not for
        // c being '#': with a base that has an opaque path, an input such as "x#f" is resolved
        // as a relative reference against that opaque path (see opaqueHead).
        if (!base || (hasOpaquePath(base) && !hasFragment)) {
          return FAILURE;
        } else if (hasOpaquePath(base) && c === '#') {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          p--;
        } else {
          state = FILE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === '/' && cps[p + 1] === '/') {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === '/') {
          state = AUTHORITY;
        } else {
          state = PATH;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === '/') {
          state = RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === '\\') {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (hasOpaquePath(base) && c !== '?' && c !== '#' && c !== undefined) {
            url.opaqueHead = base.path;
            url.path = [];
          }
          if (c === '?') {
            url.query = '';
            state = QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === '/' || c === '\\')) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === '/') {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === '/' && cps[p + 1] === '/') {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== '/' && c !== '\\') {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY:
        if (c === '@') {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          let user = '';
          let pass = '';
          for (let i = 0; i < buffer.length; i++) {
            const ch = buffer[i];
            if (ch === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            if (passwordTokenSeen) pass += ch;
            else user += ch;
          }
          url.username += percentEncode(user, USERINFO_SET);
          url.password += percentEncode(pass, USERINFO_SET);
          buffer = '';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= buffer.length + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += c;
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = FILE_HOST;
        } else if (c === ':' && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          p--;
          if (isSpecialScheme(url.scheme) && buffer === '') {
            return FAILURE;
          } else if (stateOverride && buffer === '' &&
                     (includesCredentials(url) || url.port !== null)) {
            return FAILURE;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return;
        } else {
          if (c === '[') insideBrackets = true;
          if (c === ']') insideBrackets = false;
          buffer += c;
        }
        break;

      case PORT:
        if (c !== undefined && c >= '0' && c <= '9' && c.length === 1) {
          buffer += c;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\') || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return;
          state = PATH_START;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === '/' || c === '\\') {
          state = FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = PATH;
            p--;
          }
        } else {
          state = PATH;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === '/' || c === '\\') {
          state = FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, p) &&
                base.path.length > 0 && isNormalizedWindowsDriveLetter(base.path[0])) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          p--;
        }
        break;

      case FILE_HOST:
        if (buffer === '') fileHostStart = p;
        if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            // The path starts with the drive letter.
            buffer = '';
            p = fileHostStart - 1;
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += c;
        }
        break;

      case PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = PATH;
          if (c !== '/' && c !== '\\') p--;
        } else if (!stateOverride && c === '?') {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === '#') {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== undefined) {
          state = PATH;
          if (c !== '/') p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH: {
        // As ada: the whole path (up to '?' or '#', or all of a setter's input) is consumed at
        // once, see consumePath.
        let end = p;
        if (!stateOverride) {
          while (end < len && cps[end] !== '?' && cps[end] !== '#') end++;
        } else {
          end = len;
        }
        consumePath(url, input.slice(p, end), !stateOverride || atPathForSetter);
        p = end;
        if (cps[p] === '?') {
          url.query = '';
          state = QUERY;
        } else if (cps[p] === '#') {
          url.fragment = '';
          state = FRAGMENT;
        }
        break;
      }

      case OPAQUE_PATH:
        if (c === '?') {
          url.query = '';
          state = QUERY;
        } else if (c === '#') {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== undefined) {
          let end = p;
          while (end < len && cps[end] !== '?' && cps[end] !== '#') end++;
          url.path += percentEncode(input.slice(p, end), C0_CONTROL_SET);
          p = end - 1;
        }
        break;

      case QUERY:
        if ((!stateOverride && c === '#') || c === undefined) {
          url.query += percentEncode(buffer,
            isSpecialScheme(url.scheme) ? SPECIAL_QUERY_SET : QUERY_SET);
          buffer = '';
          if (c === '#') {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          let end = p;
          while (end < len && (stateOverride || cps[end] !== '#')) end++;
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case FRAGMENT:
        if (c !== undefined) {
          url.fragment += percentEncode(input.slice(p), FRAGMENT_SET);
          p = len;
        }
        break;
    }
    if (p >= len) break;
    p++;
  }
  if (url.opaqueHead !== undefined) {
    url.path = url.opaqueHead + serializePath(url);
    delete url.opaqueHead;
  }
  return stateOverride ? undefined : url;
}

// ---------------------------------------------------------------------------
// Setters of host, hostname and port, as ada 2.9 implements them (they differ from the Standard's
// state overrides in a few corners: a port given to the host setter is applied before the host
// is parsed and reverted with it; an empty host clears a non-special URL's host; the port setter
// takes the leading digits and clears the port when there are none).

function hasDashDot(url) {
  return url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '';
}

function setHostOrHostname(url, input, isHostname) {
  if (hasOpaquePath(url)) return false;
  const hash = input.indexOf('#');
  let s = (hash === -1 ? input : input.slice(0, hash)).replace(TAB_NL_RE, '');
  const prevHost = url.host;
  const prevPort = url.port;
  if (url.scheme !== 'file') {
    const special = isSpecialScheme(url.scheme);
    let loc = s.length;
    let foundColon = false;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '[') {
        const j = s.indexOf(']', i);
        if (j === -1) break;
        i = j;
      } else if (ch === ':' || ch === '/' || ch === '?' || (special && ch === '\\')) {
        loc = i;
        foundColon = ch === ':';
        break;
      }
    }
    const hostView = s.slice(0, loc);
    if (foundColon) {
      if (isHostname) return false;
      const sub = s.slice(loc + 1);
      if (sub !== '') setPort(url, sub);
    } else if (hostView === '' &&
               (special || includesCredentials(url) || url.port !== null)) {
      return false;
    }
    if (hostView === '' && !special) {
      if (url.host !== null || hasDashDot(url)) url.host = '';
      return true;
    }
    const host = hostView === '' ? FAILURE : parseHost(hostView, !special);
    if (host === FAILURE) {
      url.host = prevHost;
      url.port = prevPort;
      return false;
    }
    url.host = host;
    return true;
  }
  const end = s.search(/[/\\?]/);
  if (end !== -1) s = s.slice(0, end);
  if (s === '') {
    url.host = '';
    return true;
  }
  const host = parseHost(s, false);
  if (host === FAILURE) return false;
  url.host = host === 'localhost' ? '' : host;
  return true;
}

function setPort(url, input) {
  if (cannotHaveUsernamePasswordPort(url)) return;
  const trimmed = input.replace(TAB_NL_RE, '');
  if (trimmed === '') {
    url.port = null;
    return;
  }
  if (trimmed.charCodeAt(0) <= 0x20) return;
  if (!/[0-9]/.test(input)) return;
  if (trimmed[0] === '-') return;
  const digits = /^[0-9]*/.exec(trimmed)[0];
  if (digits === '') {
    url.port = null;
    return;
  }
  const port = parseInt(digits, 10);
  if (port > 65535) return;
  url.port = port === defaultPort(url.scheme) ? null : port;
}

function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let out = '';
  for (const seg of url.path) out += '/' + seg;
  return out;
}

function serializeURL(url, excludeFragment) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (!hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

function parseURL(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(base, null);
    if (baseRecord === FAILURE) return FAILURE;
  }
  return basicParse(input, baseRecord);
}

// ---------------------------------------------------------------------------
// application/x-www-form-urlencoded

// Bytes that stay as they are: * - . _ 0-9 A-Z a-z; space becomes '+'.
const FORM_NO_ESCAPE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  FORM_NO_ESCAPE[c] = (c === 0x2A || c === 0x2D || c === 0x2E || c === 0x5F ||
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)) ? 0 : 1;
}

function formEncode(str) {
  return percentEncode(str, FORM_NO_ESCAPE).replace(/%20/g, '+');
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i > 0) out += '&';
    out += formEncode(list[i]) + '=' + formEncode(list[i + 1]);
  }
  return out;
}

// querystring.unescape as Node's URLSearchParams uses it: decodeURIComponent, or when that
// throws, a byte-wise decoding in which each UTF-16 code unit that is not part of an escape
// keeps only its low byte (Buffer semantics), then UTF-8.
function qsUnescape(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    const out = new Uint8Array(s.length);
    let n = 0;
    const maxLength = s.length - 2;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c === 0x25 && i < maxLength) {
        const h = hexValue(s.charCodeAt(i + 1));
        const l = h >= 0 ? hexValue(s.charCodeAt(i + 2)) : -1;
        if (h >= 0 && l >= 0) {
          c = h * 16 + l;
          i += 2;
        }
      }
      out[n++] = c;
    }
    return utf8.decode(out, 0, n);
  }
}

const ENCODED_RE = /%[0-9A-Fa-f]{2}/;

function formDecode(s) {
  if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
  return ENCODED_RE.test(s) ? qsUnescape(s) : s;
}

function parseParams(qs) {
  const out = [];
  if (qs === '') return out;
  for (const seq of qs.split('&')) {
    if (seq === '') continue;
    const eq = seq.indexOf('=');
    const name = eq === -1 ? seq : seq.slice(0, eq);
    const value = eq === -1 ? '' : seq.slice(eq + 1);
    out.push(formDecode(name), formDecode(value));
  }
  return out;
}

// ---------------------------------------------------------------------------
// URLSearchParams

function usv(v) {
  return toWellFormed(`${v}`);
}

let getParamsList;
let setParamsList;
let setParamsOwner;
let paramsUpdated;
let getURLRecord;

function checkParamsThis(self) {
  if (typeof self !== 'object' || self === null || !isURLSearchParams(self)) {
    throw new ERR_INVALID_THIS('URLSearchParams');
  }
}

let isURLSearchParams;

class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  static isIterator(o) {
    return typeof o === 'object' && o !== null && #target in o;
  }

  next() {
    if (!URLSearchParamsIterator.isIterator(this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const values = getParamsList(this.#target);
    const index = this.#index;
    if (index >= values.length) return { value: undefined, done: true };
    const name = values[index];
    const value = values[index + 1];
    this.#index = index + 2;
    let result;
    if (this.#kind === 'key') result = name;
    else if (this.#kind === 'value') result = value;
    else result = [name, value];
    return { value: result, done: false };
  }

  [kInspect](recurseTimes, ctx) {
    if (!URLSearchParamsIterator.isIterator(this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const index = this.#index;
    const values = getParamsList(this.#target);
    const output = [];
    for (let i = index; i < values.length; i += 2) {
      if (this.#kind === 'key') output.push(values[i]);
      else if (this.#kind === 'value') output.push(values[i + 1]);
      else output.push([values[i], values[i + 1]]);
    }
    const breakLn = inspect(output, innerOpts).includes('\n');
    const outputStrs = output.map((p) => inspect(p, innerOpts));
    const outputStr = breakLn ?
      `\n  ${outputStrs.join(',\n  ')}` :
      ` ${outputStrs.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${outputStr} }`;
  }
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
delete URLSearchParamsIterator.prototype.constructor;
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperties(URLSearchParamsIterator.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams Iterator' },
  next: { __proto__: null, enumerable: true },
});

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}

function removeColors(s) {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[\d\d?m/g, '');
}

class URLSearchParams {
  #list = [];
  #owner = null; // the associated URL object

  static {
    getParamsList = (o) => o.#list;
    setParamsList = (o, list) => { o.#list = list; };
    setParamsOwner = (o, owner) => { o.#owner = owner; };
    isURLSearchParams = (o) => #list in o;
  }

  constructor(init = undefined) {
    if (init == null) {
      // Nothing.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          } else if (Array.isArray(pair)) {
            if (pair.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            this.#list.push(usv(pair[0]), usv(pair[1]));
          } else {
            if ((typeof pair !== 'object' && typeof pair !== 'function') ||
                typeof pair[Symbol.iterator] !== 'function') {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            }
            let length = 0;
            for (const element of pair) {
              length++;
              this.#list.push(usv(element));
            }
            if (length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
        }
      } else {
        const visited = new Map();
        const keys = Reflect.ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            const typedKey = toWellFormed(`${key}`);
            const typedValue = usv(init[key]);
            const keyIdx = visited.get(typedKey);
            if (keyIdx !== undefined) {
              this.#list[keyIdx] = typedValue;
            } else {
              visited.set(typedKey, this.#list.push(typedKey, typedValue) - 1);
            }
          }
        }
      }
    } else {
      init = usv(init);
      if (init[0] === '?') init = init.slice(1);
      this.#list = init ? parseParams(init) : [];
    }
  }

  [kInspect](recurseTimes, ctx) {
    checkParamsThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce(
      (prev, cur) => prev + removeColors(cur).length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }

  get size() {
    checkParamsThis(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    checkParamsThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(usv(name), usv(value));
    if (this.#owner) paramsUpdated(this.#owner);
  }

  delete(name, value = undefined) {
    checkParamsThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = usv(name);
    if (value !== undefined) {
      value = usv(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    if (this.#owner) paramsUpdated(this.#owner);
  }

  get(name) {
    checkParamsThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = usv(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    checkParamsThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = usv(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    checkParamsThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = usv(name);
    if (value !== undefined) value = usv(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkParamsThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = usv(name);
    value = usv(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    if (this.#owner) paramsUpdated(this.#owner);
  }

  sort() {
    checkParamsThis(this);
    const a = this.#list;
    const pairs = [];
    for (let i = 0; i < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
    // Stable, by UTF-16 code units (Array.prototype.sort is stable).
    pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (let i = 0; i < pairs.length; i++) {
      a[2 * i] = pairs[i][0];
      a[2 * i + 1] = pairs[i][1];
    }
    if (this.#owner) paramsUpdated(this.#owner);
  }

  entries() {
    checkParamsThis(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParamsThis(this);
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    let list = this.#list;
    let i = 0;
    while (i < list.length) {
      const key = list[i];
      const value = list[i + 1];
      callback.call(thisArg, value, key, this);
      list = this.#list;
      i += 2;
    }
  }

  keys() {
    checkParamsThis(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    checkParamsThis(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    checkParamsThis(this);
    return serializeParams(this.#list);
  }
}

const kEnumerable = { __proto__: null, enumerable: true };
Object.defineProperties(URLSearchParams.prototype, {
  append: kEnumerable,
  delete: kEnumerable,
  get: kEnumerable,
  getAll: kEnumerable,
  has: kEnumerable,
  set: kEnumerable,
  size: kEnumerable,
  sort: kEnumerable,
  entries: kEnumerable,
  forEach: kEnumerable,
  keys: kEnumerable,
  values: kEnumerable,
  toString: kEnumerable,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams' },
  [Symbol.iterator]: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: URLSearchParams.prototype.entries,
  },
});

// ---------------------------------------------------------------------------
// URL

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

const kParseURL = Symbol('kParseURL');
const contextForInspect = Symbol('context');

function checkURLThis(self) {
  if (typeof self !== 'object' || self === null || !isURLObject(self)) {
    throw new ERR_INVALID_THIS('URL');
  }
}

let isURLObject;

class URL {
  #url;
  #searchParams = null;

  static {
    isURLObject = (o) => #url in o;
    getURLRecord = (o) => o.#url;
    paramsUpdated = (o) => {
      const url = o.#url;
      const serialized = serializeParams(getParamsList(o.#searchParams));
      // As ada's set_search: clearing the query first may strip an opaque path's trailing spaces.
      if (url.query !== null) {
        url.query = null;
        stripTrailingSpacesFromOpaquePath(url);
      }
      url.query = serialized === '' ? null : serialized;
      if (url.query === null) stripTrailingSpacesFromOpaquePath(url);
    };
  }

  constructor(input, base = undefined, parseSymbol = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const record = parseURL(input, base);
    if (record === FAILURE) {
      if (parseSymbol === kParseURL) {
        this.#url = null;
        return;
      }
      throw invalidURLFromParser(toWellFormed(input),
        base === undefined ? undefined : toWellFormed(base));
    }
    this.#url = record;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const parsed = new URL(input, base, kParseURL);
    return parsed.#url === null ? null : parsed;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    return parseURL(url, base) !== FAILURE;
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = lazyInspect();
    const constructor = getConstructorOf(this) || URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[contextForInspect] = contextOf(this.#url);
    return `${constructor.name} ${inspect(obj, opts)}`;
  }

  #setSearchParamsFromQuery() {
    if (this.#searchParams !== null) {
      const q = this.#url.query;
      setParamsList(this.#searchParams, q ? parseParams(q) : []);
    }
  }

  toString() {
    checkURLThis(this);
    return serializeURL(this.#url);
  }

  get href() {
    checkURLThis(this);
    return serializeURL(this.#url);
  }

  set href(value) {
    checkURLThis(this);
    value = `${value}`;
    const record = basicParse(value, null);
    if (record === FAILURE) throw new ERR_INVALID_URL(value);
    this.#url = record;
    this.#setSearchParamsFromQuery();
  }

  get origin() {
    checkURLThis(this);
    return originOf(this.#url);
  }

  get protocol() {
    checkURLThis(this);
    return this.#url.scheme + ':';
  }

  set protocol(value) {
    checkURLThis(this);
    basicParse(`${value}:`, null, this.#url, SCHEME_START);
  }

  get username() {
    checkURLThis(this);
    return this.#url.username;
  }

  set username(value) {
    checkURLThis(this);
    value = `${value}`;
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.username = percentEncode(toWellFormed(value), USERINFO_SET);
  }

  get password() {
    checkURLThis(this);
    return this.#url.password;
  }

  set password(value) {
    checkURLThis(this);
    value = `${value}`;
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.password = percentEncode(toWellFormed(value), USERINFO_SET);
  }

  get host() {
    checkURLThis(this);
    const url = this.#url;
    if (url.host === null || url.host === '') return '';
    if (url.port === null) return url.host;
    return `${url.host}:${url.port}`;
  }

  set host(value) {
    checkURLThis(this);
    setHostOrHostname(this.#url, toWellFormed(`${value}`), false);
  }

  get hostname() {
    checkURLThis(this);
    return this.#url.host ?? '';
  }

  set hostname(value) {
    checkURLThis(this);
    setHostOrHostname(this.#url, toWellFormed(`${value}`), true);
  }

  get port() {
    checkURLThis(this);
    return this.#url.port === null ? '' : `${this.#url.port}`;
  }

  set port(value) {
    checkURLThis(this);
    setPort(this.#url, `${value}`);
  }

  get pathname() {
    checkURLThis(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    checkURLThis(this);
    value = `${value}`;
    const url = this.#url;
    if (hasOpaquePath(url)) return;
    url.path = [];
    basicParse(value, null, url, PATH_START, url.query === null && url.fragment === null);
  }

  get search() {
    checkURLThis(this);
    const q = this.#url.query;
    return q === null || q === '' ? '' : `?${q}`;
  }

  set search(value) {
    checkURLThis(this);
    value = usv(value);
    const url = this.#url;
    if (value === '') {
      url.query = null;
      if (this.#searchParams !== null) setParamsList(this.#searchParams, []);
      stripTrailingSpacesFromOpaquePath(url);
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    url.query = '';
    basicParse(input, null, url, QUERY);
    this.#setSearchParamsFromQuery();
  }

  get searchParams() {
    checkURLThis(this);
    if (this.#searchParams === null) {
      this.#searchParams = new URLSearchParams();
      setParamsList(this.#searchParams, this.#url.query ? parseParams(this.#url.query) : []);
      setParamsOwner(this.#searchParams, this);
    }
    return this.#searchParams;
  }

  get hash() {
    checkURLThis(this);
    const f = this.#url.fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }

  set hash(value) {
    checkURLThis(this);
    value = `${value}`;
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    url.fragment = '';
    basicParse(input, null, url, FRAGMENT);
  }

  toJSON() {
    checkURLThis(this);
    return serializeURL(this.#url);
  }
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URL' },
  toString: kEnumerable,
  href: kEnumerable,
  origin: kEnumerable,
  protocol: kEnumerable,
  username: kEnumerable,
  password: kEnumerable,
  host: kEnumerable,
  hostname: kEnumerable,
  port: kEnumerable,
  pathname: kEnumerable,
  search: kEnumerable,
  searchParams: kEnumerable,
  hash: kEnumerable,
  toJSON: kEnumerable,
});

Object.defineProperties(URL, {
  canParse: { __proto__: null, configurable: true, writable: true, enumerable: true },
  parse: { __proto__: null, configurable: true, writable: true, enumerable: true },
});

// Blob URLs: a registry of the objects given to createObjectURL (Node keeps them in C++).
const blobRegistry = new Map();
Object.defineProperties(URL, {
  createObjectURL: {
    __proto__: null,
    configurable: true,
    writable: true,
    enumerable: true,
    value: function createObjectURL(obj) {
      const { Blob } = require('buffer');
      if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
        throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
      }
      const id = require('crypto').randomUUID();
      blobRegistry.set(id, obj);
      return `blob:nodedata:${id}`;
    },
  },
  revokeObjectURL: {
    __proto__: null,
    configurable: true,
    writable: true,
    enumerable: true,
    value: function revokeObjectURL(url) {
      if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
      url = `${url}`;
      if (url.startsWith('blob:nodedata:')) blobRegistry.delete(url.slice(14));
    },
  },
});

function originOf(url) {
  switch (url.scheme) {
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${url.scheme}://${url.host}${url.port === null ? '' : `:${url.port}`}`;
    case 'blob': {
      const path = serializePath(url);
      if (path.length > 0) {
        const inner = basicParse(path, null);
        if (inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https')) {
          return originOf(inner);
        }
      }
      return 'null';
    }
    default:
      return 'null';
  }
}

// What `util.inspect(url, { showHidden: true })` shows as the context: ada's url_aggregator
// offsets, as Node's URLContext has them.
function contextOf(url) {
  const href = serializeURL(url);
  const omitted = 4294967295;
  const protocolEnd = url.scheme.length + 1;
  let usernameEnd = protocolEnd;
  let hostStart = protocolEnd;
  let hostEnd = protocolEnd;
  let pos = protocolEnd;
  if (url.host !== null) {
    pos += 2;
    usernameEnd = pos + url.username.length;
    hostStart = usernameEnd;
    if (url.password !== '') hostStart += 1 + url.password.length;
    if (includesCredentials(url)) pos = hostStart + 1;
    else pos = hostStart;
    hostEnd = pos + url.host.length;
    pos = hostEnd;
    if (url.port !== null) pos += 1 + String(url.port).length;
  } else {
    usernameEnd = hostStart = hostEnd = protocolEnd;
    if (!hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') pos += 2;
  }
  const pathnameStart = pos;
  pos += serializePath(url).length;
  const searchStart = url.query === null ? omitted : pos;
  if (url.query !== null) pos += 1 + url.query.length;
  const hashStart = url.fragment === null ? omitted : pos;
  const types = { __proto__: null, http: 0, https: 2, ws: 3, ftp: 4, wss: 5, file: 6 };
  const ctx = {
    __proto__: URLContextPrototype,
    href,
    protocol_end: protocolEnd,
    username_end: usernameEnd,
    host_start: hostStart,
    host_end: hostEnd,
    pathname_start: pathnameStart,
    search_start: searchStart,
    hash_start: hashStart,
    port: url.port === null ? omitted : url.port,
    scheme_type: types[url.scheme] ?? 1,
  };
  return ctx;
}

class URLContext {}
const URLContextPrototype = URLContext.prototype;
Object.defineProperties(URLContextPrototype, {
  hasPort: { __proto__: null, get() { return this.port !== 4294967295; } },
  hasSearch: { __proto__: null, get() { return this.search_start !== 4294967295; } },
  hasHash: { __proto__: null, get() { return this.hash_start !== 4294967295; } },
});

// ---------------------------------------------------------------------------
// Utilities of the url module

// Node's binding: set the hostname of `ws://x` and read it back ('' when rejected).
function hostnameAsWebSocket(domain) {
  const url = basicParse('ws://x', null);
  return setHostOrHostname(url, toWellFormed(domain), true) ? url.host : null;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = hostnameAsWebSocket(`${domain}`);
  return host === null ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = hostnameAsWebSocket(`${domain}`);
  return host === null ? '' : idnaToUnicode(host);
}

// url.format(URL, options): the href without the parts the options leave out.
function formatURL(urlObject, fragment, unicode, search, auth) {
  const url = cloneRecord(getURLRecord(urlObject));
  if (!fragment) url.fragment = null;
  if (unicode && url.host !== null) url.host = idnaToUnicode(url.host);
  if (!search) url.query = null;
  if (!auth) {
    url.username = '';
    url.password = '';
  }
  return serializeURL(url);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search: search,
    pathname: pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

function lazyPlatform() {
  // eslint-disable-next-line no-undef
  return typeof process === 'object' && process !== null ? process.platform : 'linux';
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) ||
          (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname.charAt(2);
  if (letter < 0x61 || letter > 0x7A || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(lazyPlatform());
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return (windows ?? lazyPlatform() === 'win32') ?
    getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// path.posix.resolve, for pathToFileURL.
function posixResolve(filepath) {
  let resolved = filepath;
  if (resolved[0] !== '/') {
    // eslint-disable-next-line no-undef
    const cwd = process.cwd();
    resolved = resolved === '' ? cwd : `${cwd}/${resolved}`;
  }
  const out = [];
  for (const seg of resolved.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

// path.win32.resolve, for pathToFileURL with { windows: true } (drive-absolute paths only;
// relative ones are resolved against the POSIX cwd as node does off Windows).
function win32Resolve(filepath) {
  let p = filepath.replace(/\//g, '\\');
  let device = '';
  if (/^[A-Za-z]:/.test(p)) {
    device = p.slice(0, 2);
    p = p.slice(2);
  }
  if (p[0] !== '\\') {
    // eslint-disable-next-line no-undef
    const cwd = process.cwd().replace(/\//g, '\\');
    p = `${cwd}\\${p}`;
  }
  const out = [];
  for (const seg of p.split('\\')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `${device}\\${out.join('\\')}`;
}

function encodePathChars(filepath, options) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes(' ')) filepath = filepath.replace(/ /g, '%20');
  if (filepath.includes('"')) filepath = filepath.replace(/"/g, '%22');
  if (filepath.includes('#')) filepath = filepath.replace(/#/g, '%23');
  if (filepath.includes('?')) filepath = filepath.replace(/\?/g, '%3F');
  if (filepath.includes('[')) filepath = filepath.replace(/\[/g, '%5B');
  if (!options.windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes(']')) filepath = filepath.replace(/]/g, '%5D');
  if (filepath.includes('^')) filepath = filepath.replace(/\^/g, '%5E');
  if (filepath.includes('|')) filepath = filepath.replace(/\|/g, '%7C');
  if (filepath.includes('~')) filepath = filepath.replace(/~/g, '%7E');
  return filepath;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? lazyPlatform() === 'win32';
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(
      filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), { windows });
    return outURL;
  }
  let resolved = windows ? win32Resolve(filepath) : posixResolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  // As Node: compared with the POSIX separator even for { windows: true }.
  if ((last === 0x2F || (windows && last === 0x5C)) && resolved[resolved.length - 1] !== '/') {
    resolved += '/';
  }
  return new URL(`file://${encodePathChars(resolved, { windows })}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// Protocol sets of the legacy url.parse().
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:',
  'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

function encodeStr(str, noEscapeTable, table) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (noEscapeTable[c] === 1) continue;
      if (last < i) out += str.slice(last, i);
      out += table[c];
      last = i + 1;
      continue;
    }
    if (last < i) out += str.slice(last, i);
    if (c < 0x800) {
      out += table[0xC0 | (c >> 6)] + table[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += table[0xE0 | (c >> 12)] + table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
    } else {
      i++;
      if (i >= len) throw new codes.ERR_INVALID_URI();
      const c2 = str.charCodeAt(i) & 0x3FF;
      c = 0x10000 + (((c & 0x3FF) << 10) | c2);
      out += table[0xF0 | (c >> 18)] + table[0x80 | ((c >> 12) & 0x3F)] +
        table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < len) return out + str.slice(last);
  return out;
}

module.exports = {
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  URL,
  URLSearchParams,
  URLParse: URL.parse,
  domainToASCII,
  domainToUnicode,
  urlToHttpOptions,
  encodeStr,
  hexTable,
  isURL,
  unsafeProtocol,
  hostlessProtocol,
  slashedProtocol,
  // For lib/url.js.
  formatURL,
  idnaToASCII,
  qsUnescape,
};
