'use strict';

// structuredClone(value, { transfer }) with the semantics of node v20 (the
// HTML algorithm as V8's ValueSerializer implements it). Like V8, cloning
// runs in two steps: `serialize` walks the value once (reading properties,
// running getters, checking what can be cloned) into a record graph; only
// if that succeeds are the transferred ArrayBuffers detached and
// `deserialize` builds the copy. Cycles and shared references are kept.
//
// Cloneable: primitives (not symbols), Boolean/Number/String/BigInt
// wrappers, Date, RegExp (lastIndex dropped), ArrayBuffer (resizable kept),
// SharedArrayBuffer (the same object is reused: memory stays shared), typed
// arrays and DataView, Map, Set, Array (holes and extra properties kept),
// Error objects (name among the standard ones, message, stack, cause) and
// other objects as plain objects of their own enumerable string-keyed
// properties. Functions, symbols, WeakMap/WeakSet/WeakRef/
// FinalizationRegistry, promises, generators, iterators, arguments objects
// and the global object throw a DataCloneError with V8's message.

const { DOMException } = require('internal/dom_exception');

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

// Errors node raises from C++ with a code and a free-form message.
function nodeTypeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// ---------------------------------------------------------------------------
// Brand checks (intrinsic getters and methods that throw for other objects)

function getter(proto, key) {
  const d = Object.getOwnPropertyDescriptor(proto, key);
  return d && d.get;
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
const getArrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const getArrayBufferResizable = getter(ArrayBuffer.prototype, 'resizable');
const getArrayBufferMaxByteLength = getter(ArrayBuffer.prototype, 'maxByteLength');
const getArrayBufferDetached = getter(ArrayBuffer.prototype, 'detached');
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const getDataViewBuffer = getter(DataView.prototype, 'buffer');
const getDataViewByteOffset = getter(DataView.prototype, 'byteOffset');
const getDataViewByteLength = getter(DataView.prototype, 'byteLength');
const getTypedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
const getTypedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
const getTypedArrayLength = getter(TypedArrayPrototype, 'length');
const getMapSize = getter(Map.prototype, 'size');
const getSetSize = getter(Set.prototype, 'size');
const getRegExpSource = getter(RegExp.prototype, 'source');
const REGEXP_FLAGS = [
  ['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'],
  ['dotAll', 's'], ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y'],
].map(([name, flag]) => [getter(RegExp.prototype, name), flag]).filter(([g]) => typeof g === 'function');
const dateGetTime = Date.prototype.getTime;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
const functionToString = Function.prototype.toString;
const objectToString = Object.prototype.toString;
const errorToString = Error.prototype.toString;

function succeeds(fn, value, arg) {
  try {
    fn.call(value, arg);
    return true;
  } catch {
    return false;
  }
}

function isArrayBuffer(v) {
  return succeeds(getArrayBufferByteLength, v);
}
function isSharedArrayBuffer(v) {
  return getSharedArrayBufferByteLength !== undefined && succeeds(getSharedArrayBufferByteLength, v);
}
function isDataView(v) {
  return succeeds(getDataViewBuffer, v);
}
function isDate(v) {
  return succeeds(dateGetTime, v);
}
function isRegExp(v) {
  return v !== RegExp.prototype && succeeds(getRegExpSource, v);
}
function isMap(v) {
  return succeeds(getMapSize, v);
}
function isSet(v) {
  return succeeds(getSetSize, v);
}

function isDetached(ab) {
  if (getArrayBufferDetached !== undefined) return getArrayBufferDetached.call(ab);
  try {
    new Uint8Array(ab);
    return false;
  } catch {
    return true;
  }
}

// Boxed primitives: [kind, valueOf] pairs.
const WRAPPERS = [
  ['Number', Number.prototype.valueOf],
  ['String', String.prototype.valueOf],
  ['Boolean', Boolean.prototype.valueOf],
  ['BigInt', BigInt.prototype.valueOf],
  ['Symbol', Symbol.prototype.valueOf],
];

// [builtin class name, brand check] of objects V8 refuses to clone.
const UNCLONEABLE = [
  ['WeakMap', (v) => succeeds(WeakMap.prototype.has, v, {})],
  ['WeakSet', (v) => succeeds(WeakSet.prototype.has, v, {})],
];
if (typeof WeakRef === 'function') UNCLONEABLE.push(['WeakRef', (v) => succeeds(WeakRef.prototype.deref, v)]);
if (typeof FinalizationRegistry === 'function') {
  UNCLONEABLE.push(['FinalizationRegistry', (v) => succeeds(FinalizationRegistry.prototype.unregister, v, {})]);
}

// Intrinsic prototypes whose instances are uncloneable, recognised by the
// prototype chain plus the intrinsic @@toStringTag (no side-effect-free
// brand check exists for these).
function intrinsicTagged() {
  const list = [];
  const add = (proto, name) => {
    if (proto && Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag)) list.push([proto, name]);
  };
  add(Promise.prototype, 'Promise');
  add(Object.getPrototypeOf(function* () {}).prototype, 'Generator');
  add(Object.getPrototypeOf(async function* () {}).prototype, 'AsyncGenerator');
  add(Object.getPrototypeOf(new Map().entries()), 'Map Iterator');
  add(Object.getPrototypeOf(new Set().values()), 'Set Iterator');
  add(Object.getPrototypeOf([].values()), 'Array Iterator');
  add(Object.getPrototypeOf(''[Symbol.iterator]()), 'String Iterator');
  add(Object.getPrototypeOf(/a/[Symbol.matchAll]('')), 'RegExp String Iterator');
  return list;
}
let taggedPrototypes;

function protoChainHas(v, proto) {
  for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    if (p === proto) return true;
  }
  return false;
}

// Data property lookup along the prototype chain without running getters
// (V8's JSReceiver::GetDataProperty).
function getDataProperty(obj, key) {
  for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? d.value : undefined;
  }
  return undefined;
}

function isErrorObject(v) {
  if (typeof Error.isError === 'function') return Error.isError(v);
  // Object.prototype.toString reports "Error" for objects with [[ErrorData]]
  // unless @@toStringTag says otherwise.
  for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
    if (Object.getOwnPropertyDescriptor(o, Symbol.toStringTag) !== undefined) {
      // Tagged: fall back on the prototype chain. DOMException is not an
      // Error object (no [[ErrorData]]), as in node.
      return v instanceof Error && !(v instanceof DOMException);
    }
  }
  return objectToString.call(v) === '[object Error]';
}

function isArgumentsObject(v) {
  for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
    if (Object.getOwnPropertyDescriptor(o, Symbol.toStringTag) !== undefined) return false;
  }
  return objectToString.call(v) === '[object Arguments]';
}

// Class name of an object that cannot be cloned, or undefined.
function uncloneableClass(v) {
  for (let i = 0; i < UNCLONEABLE.length; i++) {
    if (UNCLONEABLE[i][1](v)) return UNCLONEABLE[i][0];
  }
  taggedPrototypes ??= intrinsicTagged();
  for (let i = 0; i < taggedPrototypes.length; i++) {
    if (protoChainHas(v, taggedPrototypes[i][0])) return taggedPrototypes[i][1];
  }
  if (v === globalThis || isArgumentsObject(v)) return 'Object';
  return undefined;
}

// V8's Object::NoSideEffectsToString, for DataCloneError messages.
function describe(v, className) {
  if (typeof v === 'function') {
    try {
      return functionToString.call(v);
    } catch {
      return 'function';
    }
  }
  if (typeof v === 'symbol') return v.toString();
  const toString = getDataProperty(v, 'toString');
  if (isErrorObject(v) || toString === errorToString) {
    let name = getDataProperty(v, 'name');
    let message = getDataProperty(v, 'message');
    name = typeof name === 'string' ? name : 'Error';
    message = typeof message === 'string' ? message : '';
    if (name === '') return message;
    if (message === '') return name;
    return `${name}: ${message}`;
  }
  if (toString === objectToString) {
    const ctor = getDataProperty(v, 'constructor');
    if (typeof ctor === 'function') {
      const d = Object.getOwnPropertyDescriptor(ctor, 'name');
      const name = d && typeof d.value === 'string' ? d.value : '';
      if (name !== '') return `#<${name}>`;
    }
  }
  return `[object ${className}]`;
}

function cannotClone(v, className = 'Object') {
  return dataCloneError(`${describe(v, className)} could not be cloned.`);
}

// ---------------------------------------------------------------------------
// Serialization: value -> record graph
//
// Records: { k: kind, ... }. Objects are serialized once; later references
// point at the same record.

const TYPED_ARRAYS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
if (typeof Float16Array === 'function') TYPED_ARRAYS.Float16Array = Float16Array;

const ERROR_NAMES = new Set(['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);

class Serializer {
  constructor(transferred) {
    this.memo = new Map();
    // ArrayBuffer -> its record, for buffers in the transfer list.
    this.transferred = transferred;
  }

  write(v) {
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
      case 'number':
      case 'string':
      case 'bigint':
        return { k: 'prim', v };
      case 'symbol':
      case 'function':
        throw cannotClone(v);
    }
    if (v === null) return { k: 'prim', v };
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen;
    return this.writeReceiver(v);
  }

  remember(v, rec) {
    this.memo.set(v, rec);
    return rec;
  }

  writeReceiver(v) {
    if (Array.isArray(v)) return this.writeArray(v);

    const tag = getTypedArrayTag.call(v);
    if (tag !== undefined) return this.writeView(v, tag);
    if (isDataView(v)) return this.writeView(v, 'DataView');

    if (isArrayBuffer(v)) return this.writeArrayBuffer(v);
    if (isSharedArrayBuffer(v)) return this.remember(v, { k: 'sab', v });
    if (isDate(v)) return this.remember(v, { k: 'date', v: dateGetTime.call(v) });
    if (isRegExp(v)) {
      let flags = '';
      for (let i = 0; i < REGEXP_FLAGS.length; i++) {
        if (REGEXP_FLAGS[i][0].call(v)) flags += REGEXP_FLAGS[i][1];
      }
      return this.remember(v, { k: 'regexp', source: getRegExpSource.call(v), flags });
    }
    for (let i = 0; i < WRAPPERS.length; i++) {
      let prim;
      try {
        prim = WRAPPERS[i][1].call(v);
      } catch {
        continue;
      }
      if (typeof prim === 'symbol') throw cannotClone(v, 'Symbol');
      return this.remember(v, { k: 'box', v: prim });
    }
    if (isMap(v)) return this.writeMap(v);
    if (isSet(v)) return this.writeSet(v);
    if (isErrorObject(v)) return this.writeError(v);

    const className = uncloneableClass(v);
    if (className !== undefined) throw cannotClone(v, className);

    const rec = this.remember(v, { k: 'object', props: [] });
    this.writeProperties(v, Object.keys(v), rec.props);
    return rec;
  }

  // Own enumerable string keys snapshotted first; keys deleted meanwhile
  // (by a getter) are skipped.
  writeProperties(v, keys, out) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      out.push(key, this.write(v[key]));
    }
  }

  writeArray(v) {
    const length = v.length;
    const rec = this.remember(v, { k: 'array', length, props: [] });
    this.writeProperties(v, Object.keys(v), rec.props);
    return rec;
  }

  writeArrayBuffer(ab) {
    const transferred = this.transferred.get(ab);
    if (transferred !== undefined) return this.remember(ab, transferred);
    if (isDetached(ab)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    const resizable = getArrayBufferResizable !== undefined && getArrayBufferResizable.call(ab);
    return this.remember(ab, {
      k: 'ab',
      bytes: new Uint8Array(ab).slice(),
      maxByteLength: resizable ? getArrayBufferMaxByteLength.call(ab) : undefined,
    });
  }

  writeView(v, tag) {
    let buffer;
    let byteOffset;
    let length;
    if (tag === 'DataView') {
      buffer = getDataViewBuffer.call(v);
      if (isArrayBuffer(buffer) && isDetached(buffer)) {
        throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      }
      byteOffset = getDataViewByteOffset.call(v);
      length = getDataViewByteLength.call(v);
    } else {
      buffer = getTypedArrayBuffer.call(v);
      byteOffset = getTypedArrayByteOffset.call(v);
      length = getTypedArrayLength.call(v);
    }
    // The buffer is serialized (once) before the view, as V8 does.
    const bufferRec = this.memo.get(buffer) ?? this.write(buffer);
    return this.remember(v, { k: 'view', tag, buffer: bufferRec, byteOffset, length });
  }

  writeMap(v) {
    // Entries are snapshotted before any of them is serialized.
    const entries = Array.from(mapEntries.call(v));
    const rec = this.remember(v, { k: 'map', entries: [] });
    for (let i = 0; i < entries.length; i++) {
      rec.entries.push(this.write(entries[i][0]), this.write(entries[i][1]));
    }
    return rec;
  }

  writeSet(v) {
    const values = Array.from(setValues.call(v));
    const rec = this.remember(v, { k: 'set', values: [] });
    for (let i = 0; i < values.length; i++) rec.values.push(this.write(values[i]));
    return rec;
  }

  writeError(v) {
    const rec = this.remember(v, { k: 'error', name: 'Error' });
    const name = `${v.name}`;
    if (ERROR_NAMES.has(name)) rec.name = name;
    const messageDesc = Object.getOwnPropertyDescriptor(v, 'message');
    if (messageDesc !== undefined && 'value' in messageDesc) rec.message = `${messageDesc.value}`;
    const stack = v.stack;
    if (typeof stack === 'string') rec.stack = stack;
    const causeDesc = Object.getOwnPropertyDescriptor(v, 'cause');
    if (causeDesc !== undefined && 'value' in causeDesc) rec.cause = this.write(causeDesc.value);
    return rec;
  }
}

// ---------------------------------------------------------------------------
// Deserialization: record graph -> new objects

const ERROR_CONSTRUCTORS = {
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

function defineHidden(obj, key, value) {
  try {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });
  } catch {
    obj[key] = value;
  }
}

function setProperty(obj, key, value) {
  // CreateDataProperty: '__proto__' must become an own property.
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

// An error is only created once its cause is read, so a reference to it from
// inside its own cause cannot be resolved (V8 fails the same way).
const IN_PROGRESS = Symbol('inProgress');

class Deserializer {
  constructor() {
    this.memo = new Map();
  }

  read(rec) {
    if (rec.k === 'prim') return rec.v;
    const seen = this.memo.get(rec);
    if (seen === IN_PROGRESS) throw new Error('Unable to deserialize cloned data.');
    if (seen !== undefined) return seen;
    switch (rec.k) {
      case 'object': {
        const obj = {};
        this.memo.set(rec, obj);
        this.readProperties(obj, rec.props);
        return obj;
      }
      case 'array': {
        const arr = new Array(rec.length);
        this.memo.set(rec, arr);
        this.readProperties(arr, rec.props);
        return arr;
      }
      case 'date': {
        const d = new Date(rec.v);
        this.memo.set(rec, d);
        return d;
      }
      case 'regexp': {
        const r = new RegExp(rec.source, rec.flags);
        this.memo.set(rec, r);
        return r;
      }
      case 'box': {
        const b = Object(rec.v);
        this.memo.set(rec, b);
        return b;
      }
      case 'sab':
        this.memo.set(rec, rec.v);
        return rec.v;
      case 'ab': {
        let ab;
        if (rec.transferred !== undefined) {
          ab = rec.transferred;
        } else if (rec.maxByteLength !== undefined) {
          ab = new ArrayBuffer(rec.bytes.length, { maxByteLength: rec.maxByteLength });
          new Uint8Array(ab).set(rec.bytes);
        } else {
          ab = rec.bytes.buffer;
        }
        this.memo.set(rec, ab);
        return ab;
      }
      case 'view': {
        const buffer = this.read(rec.buffer);
        const Ctor = rec.tag === 'DataView' ? DataView : TYPED_ARRAYS[rec.tag];
        const view = new Ctor(buffer, rec.byteOffset, rec.length);
        this.memo.set(rec, view);
        return view;
      }
      case 'map': {
        const m = new Map();
        this.memo.set(rec, m);
        const e = rec.entries;
        for (let i = 0; i < e.length; i += 2) m.set(this.read(e[i]), this.read(e[i + 1]));
        return m;
      }
      case 'set': {
        const s = new Set();
        this.memo.set(rec, s);
        for (let i = 0; i < rec.values.length; i++) s.add(this.read(rec.values[i]));
        return s;
      }
      case 'error': {
        this.memo.set(rec, IN_PROGRESS);
        const cause = rec.cause !== undefined ? this.read(rec.cause) : undefined;
        const err = new ERROR_CONSTRUCTORS[rec.name]();
        this.memo.set(rec, err);
        // Like V8's deserializer: an own 'stack' first (undefined unless
        // one was serialized), then message and cause.
        defineHidden(err, 'stack', undefined);
        if (rec.message !== undefined) defineHidden(err, 'message', rec.message);
        if (rec.stack !== undefined) defineHidden(err, 'stack', rec.stack);
        if (rec.cause !== undefined) defineHidden(err, 'cause', cause);
        return err;
      }
    }
    throw new Error(`structuredClone: unknown record ${rec.k}`);
  }

  readProperties(obj, props) {
    for (let i = 0; i < props.length; i += 2) setProperty(obj, props[i], this.read(props[i + 1]));
  }
}

// ---------------------------------------------------------------------------

function readTransferList(list) {
  if (list === null || (typeof list !== 'object' && typeof list !== 'function')) {
    throw nodeTypeError('ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  if (Array.isArray(list)) return Array.prototype.slice.call(list);
  if (typeof list[Symbol.iterator] !== 'function') return [];
  return Array.from(list);
}

function detach(ab) {
  if (typeof ab.transfer === 'function') return ab.transfer();
  // No ArrayBuffer.prototype.transfer: copy (the original stays usable).
  return ab.slice(0);
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw nodeTypeError('ERR_MISSING_ARGS', 'The value argument must be specified');
  }

  let transferList = [];
  if (options !== null && options !== undefined) {
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw nodeTypeError('ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
    }
    const transfer = options.transfer;
    if (transfer !== null && transfer !== undefined) transferList = readTransferList(transfer);
  }

  // Validate the transfer list before serializing anything.
  const transferred = new Map();
  for (let i = 0; i < transferList.length; i++) {
    const entry = transferList[i];
    if (entry === null || (typeof entry !== 'object' && typeof entry !== 'function') || !isArrayBuffer(entry)) {
      throw nodeTypeError('ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
    if (transferred.has(entry)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    transferred.set(entry, { k: 'ab', transferred: undefined });
  }

  const root = new Serializer(transferred).write(value);

  // Serialization succeeded: the transferred buffers move to the clone.
  for (const [ab, rec] of transferred) {
    rec.transferred = isDetached(ab) ? new ArrayBuffer(0) : detach(ab);
  }

  return new Deserializer().read(root);
}

module.exports = { structuredClone };
