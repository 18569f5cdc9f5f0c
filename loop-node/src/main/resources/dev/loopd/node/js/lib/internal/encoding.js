'use strict';

// WHATWG Encoding API (TextEncoder / TextDecoder) as node v20 exposes it.
// UTF-8 comes from internal/utf8; UTF-16LE/BE and the single-byte legacy
// encodings are decoded here. The observable quirks of node's two decoding
// paths are kept: a decoder starts on a "fast path" (whole-buffer decode,
// windows-1252 labels decoded as ISO-8859-1) and switches for good to the
// streaming converter path (real windows-1252 table, options validated)
// after its first `{ stream: true }` call. The CJK multi-byte encodings that
// node decodes through ICU are not available here.

const utf8 = require('internal/utf8');

let errorsModule;
function codes() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule.codes;
}

// Errors of node's that internal/errors may not define: built to look like
// node's (TypeError/RangeError with a `code` and "Name [CODE]: msg").
function nodeError(key, Base, message) {
  const C = codes()[key];
  if (typeof C === 'function') {
    try {
      const e = new C(message);
      if (e && e.message === message) return e;
    } catch {
      // fall through to the hand-made error
    }
  }
  const err = new Base(message);
  err.code = key;
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${key}]: ${this.message}`; },
    enumerable: false, writable: true, configurable: true,
  });
  return err;
}

function encodingNotSupported(label) {
  return nodeError('ERR_ENCODING_NOT_SUPPORTED', RangeError, `The "${label}" encoding is not supported`);
}
function invalidEncodedData(encoding) {
  return nodeError('ERR_ENCODING_INVALID_ENCODED_DATA', TypeError,
    `The encoded data was not valid for encoding ${encoding}`);
}
// Messages that node raises from C++ with the ERR_INVALID_ARG_TYPE code.
function invalidInput(what) {
  const message = what === 'list' ?
    'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.' :
    'The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.';
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const empty = new Uint8Array(0);
const kEmptyObject = Object.freeze({ __proto__: null });

// ---------------------------------------------------------------------------
// Type checks

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const getArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

function isUint8Array(v) {
  return getTypedArrayTag.call(v) === 'Uint8Array';
}
function isAnyArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try {
    getArrayBufferByteLength.call(v);
    return true;
  } catch {
    // not an ArrayBuffer
  }
  if (getSharedArrayBufferByteLength === undefined) return false;
  try {
    getSharedArrayBufferByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

// The bytes of an ArrayBuffer / SharedArrayBuffer / ArrayBufferView, or
// undefined for anything else.
function inputBytes(input) {
  if (ArrayBuffer.isView(input)) {
    return isUint8Array(input) ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  return undefined;
}

// validateObject(value, name, kValidateObjectAllowObjectsAndNull)
function validateOptions(value, name) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

// ---------------------------------------------------------------------------
// Tables (data of the WHATWG Encoding Standard).

// WHATWG Encoding label table: canonical name -> space-separated labels.
const LABELS = {
  'utf-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 utf-8 x-unicode20utf8',
  'ibm866': '866 cp866 csibm866 ibm866',
  'iso-8859-2': 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2',
  'iso-8859-3': 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3',
  'iso-8859-4': 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4',
  'iso-8859-5':
    'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 ' +
    'iso_8859-5:1988',
  'iso-8859-6':
    'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e ' +
    'iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987',
  'iso-8859-7':
    'csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 ' +
    'iso_8859-7 iso_8859-7:1987 sun_eu_greek',
  'iso-8859-8':
    'csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 ' +
    'iso_8859-8 iso_8859-8:1988 visual',
  'iso-8859-8-i': 'csiso88598i iso-8859-8-i logical',
  'iso-8859-10': 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6',
  'iso-8859-13': 'iso-8859-13 iso8859-13 iso885913',
  'iso-8859-14': 'iso-8859-14 iso8859-14 iso885914',
  'iso-8859-15': 'csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9',
  'iso-8859-16': 'iso-8859-16',
  'koi8-r': 'cskoi8r koi koi8 koi8-r koi8_r',
  'koi8-u': 'koi8-ru koi8-u',
  'macintosh': 'csmacintosh mac macintosh x-mac-roman',
  'windows-874': 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874',
  'windows-1250': 'cp1250 windows-1250 x-cp1250',
  'windows-1251': 'cp1251 windows-1251 x-cp1251',
  'windows-1252':
    'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 ' +
    'iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
  'windows-1253': 'cp1253 windows-1253 x-cp1253',
  'windows-1254':
    'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 ' +
    'latin5 windows-1254 x-cp1254',
  'windows-1255': 'cp1255 windows-1255 x-cp1255',
  'windows-1256': 'cp1256 windows-1256 x-cp1256',
  'windows-1257': 'cp1257 windows-1257 x-cp1257',
  'windows-1258': 'cp1258 windows-1258 x-cp1258',
  'x-mac-cyrillic': 'x-mac-cyrillic x-mac-ukrainian',
  'gbk': 'chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk',
  'gb18030': 'gb18030',
  'big5': 'big5 big5-hkscs cn-big5 csbig5 x-x-big5',
  'euc-jp': 'cseucpkdfmtjapanese euc-jp x-euc-jp',
  'iso-2022-jp': 'csiso2022jp iso-2022-jp',
  'shift_jis': 'csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis',
  'euc-kr':
    'cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ' +
    'ksc_5601 windows-949',
  'replacement': 'csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement',
  'utf-16be': 'unicodefffe utf-16be',
  'utf-16le': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16le utf-16',
  'x-user-defined': 'x-user-defined',
};

// Single-byte encodings, as node (ICU) decodes them: comma-separated runs
// "byte.codepoint.count" in base 36 (count omitted when 1, codepoint omitted
// for unmapped bytes); bytes not listed map to themselves.
const SINGLE_BYTE_TABLES = {
  'ibm866':
    'q.s.,s.3j.,3j.q.,3k.sw.1c,4w.7f5.3,4z.7b6.,50.7c4.,51.7dt.2,53.7di.,54.7dh.,55.7dv.,56.7dd.,57.7' +
    'dj.,58.7dp.,59.7do.,5a.7dn.,5b.7bk.,5c.7bo.,5d.7ck.,5e.7cc.,5f.7bw.,5g.7b4.,5h.7cs.,5i.7dq.2,5k.' +
    '7dm.,5l.7dg.,5m.7e1.,5n.7dy.,5o.7ds.,5p.7dc.,5q.7e4.,5r.7dz.2,5t.7dw.2,5v.7dl.,5w.7dk.,5x.7de.2,' +
    '5z.7e3.,60.7e2.,61.7bs.,62.7bg.,63.7ew.,64.7es.,65.7f0.,66.7f4.,67.7eo.,68.u8.g,6o.sh.,6p.up.,6q' +
    '.sk.,6r.us.,6s.sn.,6t.uv.,6u.su.,6v.v2.,6w.4w.,6x.6qh.,6y.53.,6z.6qi.,70.6ja.,71.4k.,72.7fk.,73.' +
    '4g.',
  'iso-8859-2':
    '3k.3k.x,4h.78.,4i.k8.,4j.8x.,4k.4k.,4l.8t.,4m.9m.,4n.4n.2,4p.9s.,4q.9q.,4r.9w.,4s.ah.,4t.4t.,4u.' +
    'al.,4v.aj.,4w.4w.,4x.79.,4y.kb.,4z.8y.,50.50.,51.8u.,52.9n.,53.jr.,54.54.,55.9t.,56.9r.,57.9x.,5' +
    '8.ai.,59.kd.,5a.am.,5b.ak.,5c.9g.,5d.5d.2,5f.76.,5g.5g.,5h.8p.,5i.7a.,5j.5j.,5k.7g.,5l.5l.,5m.7s' +
    '.,5n.5n.,5o.7u.,5p.5p.2,5r.7i.,5s.7k.,5t.8z.,5u.93.,5v.5v.2,5x.9c.,5y.5y.2,60.9k.,61.a6.,62.62.,' +
    '63.a8.,64.64.2,66.9u.,67.67.,68.9h.,69.69.2,6b.77.,6c.6c.,6d.8q.,6e.7b.,6f.6f.,6g.7h.,6h.6h.,6i.' +
    '7t.,6j.6j.,6k.7v.,6l.6l.2,6n.7j.,6o.7l.,6p.90.,6q.94.,6r.6r.2,6t.9d.,6u.6u.2,6w.9l.,6x.a7.,6y.6y' +
    '.,6z.a9.,70.70.2,72.9v.,73.k9.',
  'iso-8859-3':
    '3k.3k.x,4h.86.,4i.k8.,4j.4j.2,4l..,4m.84.,4n.4n.2,4p.8g.,4q.9q.,4r.7y.,4s.8k.,4t.4t.,4u..,4v.aj.' +
    ',4w.4w.,4x.87.,4y.4y.4,52.85.,53.53.2,55.8h.,56.9r.,57.7z.,58.8l.,59.59.,5a..,5b.ak.,5c.5c.3,5f.' +
    '.,5g.5g.,5h.7e.,5i.7c.,5j.5j.9,5s..,5t.5t.4,5x.80.,5y.5y.2,60.7w.,61.61.4,65.a4.,66.9o.,67.67.4,' +
    '6b..,6c.6c.,6d.7f.,6e.7d.,6f.6f.9,6o..,6p.6p.4,6t.81.,6u.6u.2,6w.7x.,6x.6x.4,71.a5.,72.9p.,73.k9' +
    '.',
  'iso-8859-4':
    '3k.3k.x,4h.78.,4i.8o.,4j.9i.,4k.4k.,4l.88.,4m.8r.,4n.4n.2,4p.9s.,4q.7m.,4r.82.,4s.9y.,4t.4t.,4u.' +
    'al.,4v.4v.2,4x.79.,4y.kb.,4z.9j.,50.50.,51.89.,52.8s.,53.jr.,54.54.,55.9t.,56.7n.,57.83.,58.9z.,' +
    '59.96.,5a.am.,5b.97.,5c.74.,5d.5d.6,5j.8e.,5k.7g.,5l.5l.,5m.7s.,5n.5n.,5o.7q.,5p.5p.2,5r.8a.,5s.' +
    '7k.,5t.91.,5u.98.,5v.8m.,5w.5w.5,61.aa.,62.62.3,65.a0.,66.a2.,67.67.,68.75.,69.69.6,6f.8f.,6g.7h' +
    '.,6h.6h.,6i.7t.,6j.6j.,6k.7r.,6l.6l.2,6n.8b.,6o.7l.,6p.92.,6q.99.,6r.8n.,6s.6s.5,6x.ab.,6y.6y.3,' +
    '71.a1.,72.a3.,73.k9.',
  'iso-8859-5':
    '3k.3k.x,4h.sh.c,4t.4t.,4u.su.1u,6o.6ja.,6p.up.c,71.4n.,72.v2.2',
  'iso-8859-6':
    '3k.3k.x,4h..3,4k.4k.,4l..7,4s.170.,4t.4t.,4u..d,57.17f.,58..3,5b.17j.,5c..,5d.17l.q,63..5,68.18g' +
    '.j,6r..d',
  'iso-8859-7':
    '3k.3k.x,4h.6c8.2,4j.4j.,4k.6gc.,4l.6gf.,4m.4m.4,4q.oq.,4r.4r.3,4u..,4v.6c5.,4w.4w.4,50.p0.3,53.5' +
    '3.,54.p4.3,57.57.,58.p8.,59.59.,5a.pa.k,5u..,5v.pv.18,73..',
  'iso-8859-8':
    '3k.3k.x,4h..,4i.4i.8,4q.5z.,4r.4r.f,56.6v.,57.57.4,5b..w,67.6c7.,68.15c.r,6z..2,71.6by.2,73..',
  'iso-8859-8-i':
    '3k.3k.x,4h..,4i.4i.8,4q.5z.,4r.4r.f,56.6v.,57.57.4,5b..w,67.6c7.,68.15c.r,6z..2,71.6by.2,73..',
  'iso-8859-10':
    '3k.3k.x,4h.78.,4i.7m.,4j.82.,4k.8a.,4l.88.,4m.8m.,4n.4n.,4o.8r.,4p.7k.,4q.9s.,4r.9y.,4s.al.,4t.4' +
    't.,4u.a2.,4v.96.,4w.4w.,4x.79.,4y.7n.,4z.83.,50.8b.,51.89.,52.8n.,53.53.,54.8s.,55.7l.,56.9t.,57' +
    '.9z.,58.am.,59.6c5.,5a.a3.,5b.97.,5c.74.,5d.5d.6,5j.8e.,5k.7g.,5l.5l.,5m.7s.,5n.5n.,5o.7q.,5p.5p' +
    '.4,5t.91.,5u.98.,5v.5v.4,5z.a0.,60.60.,61.aa.,62.62.6,68.75.,69.69.6,6f.8f.,6g.7h.,6h.6h.,6i.7t.' +
    ',6j.6j.,6k.7r.,6l.6l.4,6p.92.,6q.99.,6r.6r.4,6v.a1.,6w.6w.,6x.ab.,6y.6y.5,73.8o.',
  'iso-8859-13':
    '3k.3k.x,4h.6cd.,4i.4i.3,4l.6ce.,4m.4m.2,4o.60.,4p.4p.,4q.9i.,4r.4r.4,4v.5i.,4w.4w.4,50.6cc.,51.5' +
    '1.3,54.6w.,55.55.,56.9j.,57.57.4,5b.6e.,5c.78.,5d.8e.,5e.74.,5f.7a.,5g.5g.2,5i.7s.,5j.7m.,5k.7g.' +
    ',5l.5l.,5m.ah.,5n.7q.,5o.82.,5p.8m.,5q.8a.,5r.8r.,5s.9s.,5t.8z.,5u.91.,5v.5v.,5w.98.,5x.5x.3,60.' +
    'aa.,61.8x.,62.9m.,63.a2.,64.64.,65.aj.,66.al.,67.67.,68.79.,69.8f.,6a.75.,6b.7b.,6c.6c.2,6e.7t.,' +
    '6f.7n.,6g.7h.,6h.6h.,6i.ai.,6j.7r.,6k.83.,6l.8n.,6m.8b.,6n.8s.,6o.9t.,6p.90.,6q.92.,6r.6r.,6s.99' +
    '.,6t.6t.3,6w.ab.,6x.8y.,6y.9n.,6z.a3.,70.70.,71.ak.,72.am.,73.6c9.',
  'iso-8859-14':
    '3k.3k.x,4h.5xe.2,4j.4j.,4k.7e.2,4m.5xm.,4n.4n.,4o.60w.,4p.4p.,4q.60y.,4r.5xn.,4s.642.,4t.4t.2,4v' +
    '.ag.,4w.5y6.2,4y.80.2,50.5z4.2,52.52.,53.5zq.,54.60x.,55.5zr.,56.60z.,57.600.,58.643.,59.610.2,5' +
    'b.601.,5c.5c.g,5s.ac.,5t.5t.6,5z.60a.,60.60.6,66.ae.,67.67.h,6o.ad.,6p.6p.6,6v.60b.,6w.6w.6,72.a' +
    'f.,73.73.',
  'iso-8859-15':
    '3k.3k.10,4k.6gc.,4l.4l.,4m.9s.,4n.4n.,4o.9t.,4p.4p.b,50.al.,51.51.3,54.am.,55.55.3,58.9e.2,5a.ag' +
    '.,5b.5b.1t',
  'koi8-r':
    '3k.7b4.,3l.7b6.,3m.7bg.,3n.7bk.,3o.7bo.,3p.7bs.,3q.7bw.,3r.7c4.,3s.7cc.,3t.7ck.,3u.7cs.,3v.7eo.,' +
    '3w.7es.,3x.7ew.,3y.7f0.,3z.7f4.4,43.6xs.,44.7fk.,45.6qh.2,47.6rs.,48.6sk.2,4a.4g.,4b.6xt.,4c.4w.' +
    ',4d.4y.,4e.53.,4f.6v.,4g.7dc.3,4j.up.,4k.7df.f,4z.sh.,50.7du.b,5b.4p.,5c.um.,5d.ts.2,5f.ue.,5g.t' +
    'w.2,5i.uc.,5j.tv.,5k.ud.,5l.u0.8,5t.un.,5u.u8.4,5y.ty.,5z.tu.,60.uk.,61.uj.,62.tz.,63.ug.,64.ul.' +
    ',65.uh.,66.uf.,67.ui.,68.tq.,69.sw.2,6b.ti.,6c.t0.2,6e.tg.,6f.sz.,6g.th.,6h.t4.8,6p.tr.,6q.tc.4,' +
    '6u.t2.,6v.sy.,6w.to.,6x.tn.,6y.t3.,6z.tk.,70.tp.,71.tl.,72.tj.,73.tm.',
  'koi8-u':
    '3k.7b4.,3l.7b6.,3m.7bg.,3n.7bk.,3o.7bo.,3p.7bs.,3q.7bw.,3r.7c4.,3s.7cc.,3t.7ck.,3u.7cs.,3v.7eo.,' +
    '3w.7es.,3x.7ew.,3y.7f0.,3z.7f4.4,43.6xs.,44.7fk.,45.6qh.2,47.6rs.,48.6sk.2,4a.4g.,4b.6xt.,4c.4w.' +
    ',4d.4y.,4e.53.,4f.6v.,4g.7dc.3,4j.up.,4k.us.,4l.7dg.,4m.uu.2,4o.7dj.5,4t.wh.,4u.7dp.5,4z.sh.,50.' +
    'sk.,51.7dv.,52.sm.2,54.7dy.5,59.wg.,5a.7e4.,5b.4p.,5c.um.,5d.ts.2,5f.ue.,5g.tw.2,5i.uc.,5j.tv.,5' +
    'k.ud.,5l.u0.8,5t.un.,5u.u8.4,5y.ty.,5z.tu.,60.uk.,61.uj.,62.tz.,63.ug.,64.ul.,65.uh.,66.uf.,67.u' +
    'i.,68.tq.,69.sw.2,6b.ti.,6c.t0.2,6e.tg.,6f.sz.,6g.th.,6h.t4.8,6p.tr.,6q.tc.4,6u.t2.,6v.sy.,6w.to' +
    '.,6x.tn.,6y.t3.,6z.tk.,70.tp.,71.tl.,72.tj.,73.tm.',
  'macintosh':
    '3k.5g.2,3m.5j.,3n.5l.,3o.5t.,3p.5y.,3q.64.,3r.69.,3s.68.,3t.6a.,3u.6c.,3v.6b.,3w.6d.,3x.6f.,3y.6' +
    'h.,3z.6g.,40.6i.2,42.6l.,43.6k.,44.6m.2,46.6p.,47.6r.,48.6q.,49.6s.,4a.6u.,4b.6t.,4c.6y.,4d.6x.,' +
    '4e.6z.2,4g.6cg.,4h.4w.,4i.4i.2,4k.4n.,4l.6ci.,4m.52.,4n.67.,4o.4u.,4p.4p.,4q.6jm.,4r.50.,4s.4o.,' +
    '4t.6sg.,4u.5i.,4v.60.,4w.6qm.,4x.4x.,4y.6sk.2,50.4l.,51.51.,52.6pu.,53.6q9.,54.6q7.,55.qo.,56.6q' +
    'z.,57.4q.,58.56.,59.q1.,5a.6e.,5b.6w.,5c.5b.,5d.4h.,5e.4s.,5f.6qi.,5g.b6.,5h.6rs.,5i.6py.,5j.4r.' +
    ',5k.57.,5l.6cm.,5m.4g.,5n.5c.,5o.5f.,5p.5x.,5q.9e.2,5s.6c3.2,5u.6cc.2,5w.6c8.2,5y.6v.,5z.7gq.,60' +
    '.73.,61.ag.,62.6dg.,63.6gc.,64.6d5.2,66.1dkx.2,68.6ch.,69.53.,6a.6ca.,6b.6ce.,6c.6cw.,6d.5e.,6e.' +
    '5m.,6f.5d.,6g.5n.,6h.5k.,6i.5p.3,6l.5o.,6m.5v.2,6o.1d6n.,6p.5u.,6q.62.2,6s.61.,6t.8h.,6u.jq.,6v.' +
    'kc.,6w.4v.,6x.k8.3,70.54.,71.kd.,72.kb.,73.jr.',
  'windows-874':
    '3k.6gc.,3l.3l.4,3p.6cm.,3q.3q.b,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.48.9,4h.2rl.1m,63.1d4x.4,6' +
    '7.2tb.t,70.1d51.4',
  'windows-1250':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.3n.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.3s.,3t.6cw.,3u.9s.,3v.6d5.,3w.9m.,3x.9' +
    'w.,3y.al.,3z.ah.,40.40.,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.48.,49.6jm.,4a.9t.,4b.6d6.,4c.9n.,' +
    '4d.9x.,4e.am.,4f.ai.,4g.4g.,4h.jr.,4i.k8.,4j.8x.,4k.4k.,4l.78.,4m.4m.4,4q.9q.,4r.4r.4,4v.aj.,4w.' +
    '4w.2,4y.kb.,4z.8y.,50.50.5,55.79.,56.9r.,57.57.,58.8t.,59.kd.,5a.8u.,5b.ak.,5c.9g.,5d.5d.2,5f.76' +
    '.,5g.5g.,5h.8p.,5i.7a.,5j.5j.,5k.7g.,5l.5l.,5m.7s.,5n.5n.,5o.7u.,5p.5p.2,5r.7i.,5s.7k.,5t.8z.,5u' +
    '.93.,5v.5v.2,5x.9c.,5y.5y.2,60.9k.,61.a6.,62.62.,63.a8.,64.64.2,66.9u.,67.67.,68.9h.,69.69.2,6b.' +
    '77.,6c.6c.,6d.8q.,6e.7b.,6f.6f.,6g.7h.,6h.6h.,6i.7t.,6j.6j.,6k.7v.,6l.6l.2,6n.7j.,6o.7l.,6p.90.,' +
    '6q.94.,6r.6r.2,6t.9d.,6u.6u.2,6w.9l.,6x.a7.,6y.6y.,6z.a9.,70.70.2,72.9v.,73.k9.',
  'windows-1251':
    '3k.si.2,3m.6ca.,3n.ur.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.6gc.,3t.6cw.,3u.sp.,3v.6d5.,3w.sq.,3x.ss.,3y.' +
    'sr.,3z.sv.,40.uq.,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.48.,49.6jm.,4a.ux.,4b.6d6.,4c.uy.,4d.v0.' +
    ',4e.uz.,4f.v3.,4g.4g.,4h.su.,4i.v2.,4j.so.,4k.4k.,4l.wg.,4m.4m.2,4o.sh.,4p.4p.,4q.sk.,4r.4r.4,4v' +
    '.sn.,4w.4w.2,4y.sm.,4z.uu.,50.wh.,51.51.3,54.up.,55.6ja.,56.us.,57.57.,58.uw.,59.sl.,5a.ut.,5b.u' +
    'v.,5c.sw.1s',
  'windows-1252':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.jq.,3t.6cw.,3u.9s.,3v.6d5.,3w.9e.,3x.3' +
    'x.,3y.al.,3z.3z.2,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.kc.,49.6jm.,4a.9t.,4b.6d6.,4c.9f.,4d.4d.' +
    ',4e.am.,4f.ag.,4g.4g.2o',
  'windows-1253':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.3s.,3t.6cw.,3u.3u.,3v.6d5.,3w.3w.5,41.' +
    '6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.48.,49.6jm.,4a.4a.,4b.6d6.,4c.4c.5,4h.p1.2,4j.4j.c,4v.6c5.,4w' +
    '.4w.4,50.p0.,51.51.3,54.p4.3,57.57.,58.p8.,59.59.,5a.pa.k,5u..,5v.pv.18,73..',
  'windows-1254':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.jq.,3t.6cw.,3u.9s.,3v.6d5.,3w.9e.,3x.3' +
    'x.4,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.kc.,49.6jm.,4a.9t.,4b.6d6.,4c.9f.,4d.4d.2,4f.ag.,4g.4g' +
    '.1c,5s.7y.,5t.5t.c,65.8g.,66.9q.,67.67.h,6o.7z.,6p.6p.c,71.8h.,72.9r.,73.73.',
  'windows-1255':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.jq.,3t.6cw.,3u.3u.,3v.6d5.,3w.3w.5,41.' +
    '6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.kc.,49.6jm.,4a.4a.,4b.6d6.,4c.4c.8,4k.6ga.,4l.4l.5,4q.5z.,4r.' +
    '4r.f,56.6v.,57.57.5,5c.14g.a,5m..,5n.14r.9,5w.168.5,61..7,68.15c.r,6z..2,71.6by.2,73..',
  'windows-1256':
    '3k.6gc.,3l.1a6.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.jq.,3t.6cw.,3u.1a1.,3v.6d5.,3w.9e.,3x' +
    '.1ae.,3y.1aw.,3z.1ag.,40.1bj.,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.1bd.,49.6jm.,4a.1ap.,4b.6d6.' +
    ',4c.9f.,4d.6bw.2,4f.1bu.,4g.4g.,4h.170.,4i.4i.8,4q.1by.,4r.4r.f,56.17f.,57.57.4,5b.17j.,5c.1c1.,' +
    '5d.17l.m,5z.5z.,60.187.4,64.18g.4,68.68.,69.18k.,6a.6a.,6b.18l.4,6f.6f.5,6k.18p.2,6m.6m.2,6o.18r' +
    '.4,6s.6s.,6t.18v.2,6v.6v.,6w.18x.,6x.6x.,6y.18y.,6z.6z.2,71.6by.2,73.1ci.',
  'windows-1257':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.3n.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.3s.,3t.6cw.,3u.3u.,3v.6d5.,3w.3w.,3x.4' +
    'o.,3y.jr.,3z.54.,40.40.,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.48.,49.6jm.,4a.4a.,4b.6d6.,4c.4c.,' +
    '4d.4v.,4e.kb.,4f.4f.2,4h..,4i.4i.3,4l..,4m.4m.2,4o.60.,4p.4p.,4q.9i.,4r.4r.4,4v.5i.,4w.4w.8,54.6' +
    'w.,55.55.,56.9j.,57.57.4,5b.6e.,5c.78.,5d.8e.,5e.74.,5f.7a.,5g.5g.2,5i.7s.,5j.7m.,5k.7g.,5l.5l.,' +
    '5m.ah.,5n.7q.,5o.82.,5p.8m.,5q.8a.,5r.8r.,5s.9s.,5t.8z.,5u.91.,5v.5v.,5w.98.,5x.5x.3,60.aa.,61.8' +
    'x.,62.9m.,63.a2.,64.64.,65.aj.,66.al.,67.67.,68.79.,69.8f.,6a.75.,6b.7b.,6c.6c.2,6e.7t.,6f.7n.,6' +
    'g.7h.,6h.6h.,6i.ai.,6j.7r.,6k.83.,6l.8n.,6m.8b.,6n.8s.,6o.9t.,6p.90.,6q.92.,6r.6r.,6s.99.,6t.6t.' +
    '3,6w.ab.,6x.8y.,6y.9n.,6z.a3.,70.70.,71.ak.,72.am.,73.k9.',
  'windows-1258':
    '3k.6gc.,3l.3l.,3m.6ca.,3n.b6.,3o.6ce.,3p.6cm.,3q.6cg.2,3s.jq.,3t.6cw.,3u.3u.,3v.6d5.,3w.9e.,3x.3' +
    'x.4,41.6c8.2,43.6cc.2,45.6ci.,46.6c3.2,48.kc.,49.6jm.,4a.4a.,4b.6d6.,4c.9f.,4d.4d.2,4f.ag.,4g.4g' +
    '.z,5f.76.,5g.5g.8,5o.lc.,5p.5p.3,5s.7k.,5t.5t.,5u.ll.,5v.5v.2,5x.bk.,5y.5y.7,65.bz.,66.lf.,67.67' +
    '.4,6b.77.,6c.6c.8,6k.ld.,6l.6l.3,6o.7l.,6p.6p.,6q.mb.,6r.6r.2,6t.bl.,6u.6u.7,71.c0.,72.6gb.,73.7' +
    '3.',
  'x-mac-cyrillic':
    '3k.sw.w,4g.6cg.,4h.4w.,4i.wg.,4j.4j.,4k.4n.,4l.6ci.,4m.52.,4n.sm.,4o.4u.,4p.4p.,4q.6jm.,4r.si.,4' +
    's.uq.,4t.6sg.,4u.sj.,4v.ur.,4w.6qm.,4x.4x.,4y.6sk.2,50.uu.,51.51.,52.wh.,53.so.,54.sk.,55.us.,56' +
    '.sn.,57.uv.,58.sp.,59.ux.,5a.sq.,5b.uy.,5c.uw.,5d.sl.,5e.4s.,5f.6qi.,5g.b6.,5h.6rs.,5i.6py.,5j.4' +
    'r.,5k.57.,5l.6cm.,5m.4g.,5n.sr.,5o.uz.,5p.ss.,5q.v0.,5r.ut.,5s.6c3.2,5u.6cc.2,5w.6c8.2,5y.6v.,5z' +
    '.6ce.,60.su.,61.v2.,62.sv.,63.v3.,64.6ja.,65.sh.,66.up.,67.un.,68.ts.v,73.6gc.',
};

const labelMap = new Map();
for (const name of Object.keys(LABELS)) {
  const labels = LABELS[name].split(' ');
  for (let i = 0; i < labels.length; i++) labelMap.set(labels[i], name);
}
labelMap.set('utf-16be', 'utf-16be');

// String.prototype.trim would also strip non-ASCII whitespace.
function trimAsciiWhitespace(label) {
  let s = 0;
  let e = label.length;
  const ws = (c) => c === '\u0009' || c === '\u000a' || c === '\u000c' || c === '\u000d' || c === '\u0020';
  while (s < e && ws(label[s])) s++;
  while (e > s && ws(label[e - 1])) e--;
  return label.slice(s, e);
}

function getEncodingFromLabel(label) {
  const enc = labelMap.get(label);
  if (enc !== undefined) return enc;
  return labelMap.get(trimAsciiWhitespace(label.toLowerCase()));
}

// ---------------------------------------------------------------------------
// Decoders: decode(bytes, stream) -> string, or null on invalid data when
// fatal (the decoder is reset then).

const CHUNK = utf8.CHUNK;
const fromCharCode = String.fromCharCode;
const units = new Uint16Array(CHUNK + 2);

const sbTables = new Map();
function singleByteTable(name) {
  let table = sbTables.get(name);
  if (table !== undefined) return table;
  table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  const runs = SINGLE_BYTE_TABLES[name].split(',');
  for (let r = 0; r < runs.length; r++) {
    const [b, cp, n] = runs[r].split('.');
    const start = parseInt(b, 36);
    const count = n === '' ? 1 : parseInt(n, 36);
    const first = cp === '' ? -1 : parseInt(cp, 36);
    for (let k = 0; k < count; k++) table[start + k] = first === -1 ? 0xFFFF : first + k;
  }
  sbTables.set(name, table);
  return table;
}

class SingleByteDecoder {
  constructor(name, fatal) {
    this.table = singleByteTable(name);
    this.fatal = fatal;
  }

  reset() {}

  decode(bytes, stream) {
    const table = this.table;
    let res = '';
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
      let c = table[bytes[i]];
      if (c === 0xFFFF) {
        if (this.fatal) return null;
        c = 0xFFFD;
      }
      units[n++] = c;
      if (n === CHUNK) {
        res += fromCharCode.apply(null, units.subarray(0, n));
        n = 0;
      }
    }
    if (n > 0) res += fromCharCode.apply(null, units.subarray(0, n));
    return res;
  }
}

class Utf8Decoder {
  constructor(fatal) {
    this.inner = new utf8.StreamDecoder(fatal);
  }

  reset() {
    this.inner.reset();
  }

  decode(bytes, stream) {
    return this.inner.decode(bytes, stream);
  }
}

// WHATWG UTF-16 decoding. In fatal mode, the state left behind by an error
// follows ICU (node's converter): when a lead surrogate carried over from the
// previous call is followed by a non-trail unit, the first byte of that unit
// stays pending; every other error leaves the decoder empty.
class Utf16Decoder {
  constructor(bigEndian, fatal) {
    this.bigEndian = bigEndian;
    this.fatal = fatal;
    this.leadByte = -1;
    this.leadSurrogate = -1;
  }

  reset() {
    this.leadByte = -1;
    this.leadSurrogate = -1;
  }

  fail(pendingByte) {
    this.reset();
    if (pendingByte !== undefined) this.leadByte = pendingByte;
    return null;
  }

  decode(bytes, stream) {
    const fatal = this.fatal;
    const be = this.bigEndian;
    let leadByte = this.leadByte;
    let leadSurrogate = this.leadSurrogate;
    // Whether a character begun in an earlier call is still being completed.
    let carried = leadByte !== -1 || leadSurrogate !== -1;
    let res = '';
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (leadByte === -1) {
        leadByte = b;
        continue;
      }
      const first = leadByte;
      const unit = be ? (leadByte << 8) | b : (b << 8) | leadByte;
      leadByte = -1;
      if (leadSurrogate !== -1) {
        const lead = leadSurrogate;
        leadSurrogate = -1;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
          units[n++] = lead;
          units[n++] = unit;
          carried = false;
          if (n >= CHUNK) {
            res += fromCharCode.apply(null, units.subarray(0, n));
            n = 0;
          }
          continue;
        }
        if (fatal) return this.fail(carried ? first : undefined);
        units[n++] = 0xFFFD;
      }
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        leadSurrogate = unit;
        continue;
      }
      carried = false;
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        if (fatal) return this.fail();
        units[n++] = 0xFFFD;
      } else {
        units[n++] = unit;
      }
      if (n >= CHUNK) {
        res += fromCharCode.apply(null, units.subarray(0, n));
        n = 0;
      }
    }
    if (!stream && (leadByte !== -1 || leadSurrogate !== -1)) {
      leadByte = -1;
      leadSurrogate = -1;
      if (fatal) return this.fail();
      units[n++] = 0xFFFD;
    }
    this.leadByte = leadByte;
    this.leadSurrogate = leadSurrogate;
    if (n > 0) res += fromCharCode.apply(null, units.subarray(0, n));
    return res;
  }
}

const UNICODE_ENCODINGS = new Set(['utf-8', 'utf-16le', 'utf-16be']);

// The streaming converter behind a TextDecoder (node's ICU converter).
class Converter {
  constructor(encoding, fatal, ignoreBOM) {
    this.encoding = encoding;
    this.unicode = UNICODE_ENCODINGS.has(encoding);
    this.ignoreBOM = ignoreBOM;
    this.bomSeen = false;
    if (encoding === 'utf-8') this.decoder = new Utf8Decoder(fatal);
    else if (encoding === 'utf-16le') this.decoder = new Utf16Decoder(false, fatal);
    else if (encoding === 'utf-16be') this.decoder = new Utf16Decoder(true, fatal);
    else this.decoder = new SingleByteDecoder(encoding, fatal);
  }

  decode(input, flush) {
    const bytes = inputBytes(input);
    if (bytes === undefined) throw invalidInput('input');
    let result = this.decoder.decode(bytes, !flush);
    if (result === null) {
      if (flush) this.decoder.reset();
      throw invalidEncodedData(this.encoding);
    }
    if (this.unicode && !this.ignoreBOM && !this.bomSeen && result.length > 0) {
      // A BOM that starts the stream is dropped.
      if (result.charCodeAt(0) === 0xFEFF) result = result.slice(1);
      this.bomSeen = true;
    }
    if (flush) {
      this.bomSeen = false;
      this.decoder.reset();
    }
    return result;
  }
}

function hasConverter(encoding) {
  return encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be' ||
    Object.prototype.hasOwnProperty.call(SINGLE_BYTE_TABLES, encoding);
}

// ---------------------------------------------------------------------------

const kHandle = Symbol('handle');
const kFlags = Symbol('flags');
const kEncoding = Symbol('encoding');
const kDecoder = Symbol('decoder');
const kEncoder = Symbol('encoder');
const kFatal = Symbol('kFatal');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kLatin1FastPath = Symbol('kLatin1FastPath');
const kIgnoreBOM = Symbol('kIgnoreBOM');

const CONVERTER_FLAGS_FLUSH = 0x1;
const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

function invalidThis(type) {
  return new (codes().ERR_INVALID_THIS)(type);
}

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true) throw invalidThis('TextEncoder');
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true) throw invalidThis('TextDecoder');
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function lazyInspect() {
  return require('internal/util/inspect').inspect;
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return utf8.encode(`${input}`);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    if (typeof src !== 'string') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('src', 'string', src);
    }
    if (!dest || !isUint8Array(dest)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('dest', 'Uint8Array', dest);
    }
    return utf8.encodeInto(src, dest);
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this);
    const obj = { __proto__: { constructor: ctor === null ? TextEncoder : ctor } };
    obj.encoding = this.encoding;
    return lazyInspect()(obj, opts);
  }
}

const kEnumerableProperty = { __proto__: null, enumerable: true };
Object.defineProperties(TextEncoder.prototype, {
  encode: kEnumerableProperty,
  encodeInto: kEnumerableProperty,
  encoding: kEnumerableProperty,
  [Symbol.toStringTag]: { configurable: true, value: 'TextEncoder' },
});

class TextDecoder {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateOptions(options, 'options');

    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw encodingNotSupported(encoding);

    let flags = 0;
    if (options !== null) {
      flags |= options.fatal ? CONVERTER_FLAGS_FATAL : 0;
      flags |= options.ignoreBOM ? CONVERTER_FLAGS_IGNORE_BOM : 0;
    }

    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kEncoding] = enc;
    this[kIgnoreBOM] = Boolean(options?.ignoreBOM);
    this[kFatal] = Boolean(options?.fatal);
    this[kUTF8FastPath] = enc === 'utf-8';
    this[kLatin1FastPath] = enc === 'windows-1252';
    this[kHandle] = undefined;

    if (!this[kUTF8FastPath] && !this[kLatin1FastPath]) this.#prepareConverter();
  }

  #prepareConverter() {
    if (this[kHandle] !== undefined) return;
    const enc = this[kEncoding];
    if (!hasConverter(enc)) throw encodingNotSupported(enc);
    this[kHandle] = new Converter(enc, (this[kFlags] & CONVERTER_FLAGS_FATAL) !== 0,
      (this[kFlags] & CONVERTER_FLAGS_IGNORE_BOM) !== 0);
  }

  decode(input = empty, options = kEmptyObject) {
    validateDecoder(this);

    this[kUTF8FastPath] &&= !(options?.stream);
    this[kLatin1FastPath] &&= !(options?.stream);

    if (this[kUTF8FastPath]) {
      const bytes = inputBytes(input);
      if (bytes === undefined) throw invalidInput('list');
      let start = 0;
      if (!this[kIgnoreBOM] && bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
        start = 3;
      }
      if (this[kFatal]) {
        if (!utf8.isUtf8(bytes, start, bytes.length)) throw invalidEncodedData('utf-8');
      }
      return utf8.decode(bytes, start, bytes.length);
    }

    if (this[kLatin1FastPath]) {
      const bytes = inputBytes(input);
      if (bytes === undefined) {
        const err = new TypeError('The "input" argument must be an instance of ArrayBuffer, ' +
                                  'SharedArrayBuffer, or ArrayBufferView.');
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
      // node's latin1 fast path drops a leading 0xFF when ignoreBOM is set.
      const start = this[kIgnoreBOM] && bytes.length > 0 && bytes[0] === 0xFF ? 1 : 0;
      return utf8.latin1Chunks(bytes, start, bytes.length);
    }

    this.#prepareConverter();

    validateOptions(options, 'options');

    let flags = 0;
    if (options !== null) flags |= options.stream ? 0 : CONVERTER_FLAGS_FLUSH;

    return this[kHandle].decode(input, (flags & CONVERTER_FLAGS_FLUSH) !== 0);
  }
}

// Shared accessors, defined like node's (null-prototype descriptors).
const sharedProperties = Object.getOwnPropertyDescriptors({
  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  },

  get fatal() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_FATAL) === CONVERTER_FLAGS_FATAL;
  },

  get ignoreBOM() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_IGNORE_BOM) === CONVERTER_FLAGS_IGNORE_BOM;
  },

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = getConstructorOf(this) || TextDecoder;
    const obj = { __proto__: { constructor } };
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts && opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    return `${constructor.name} ${lazyInspect()(obj)}`;
  },
});
const propertiesValues = Object.values(sharedProperties);
for (let i = 0; i < propertiesValues.length; i++) Object.setPrototypeOf(propertiesValues[i], null);
sharedProperties[customInspectSymbol].enumerable = false;

Object.defineProperties(TextDecoder.prototype, {
  decode: kEnumerableProperty,
  ...sharedProperties,
  [Symbol.toStringTag]: { configurable: true, value: 'TextDecoder' },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
