'use strict';
// util.types: Node asks V8 for an object's internal slots; standard JavaScript can do the same with
// "brand checks", builtin methods that throw (or answer undefined) when the receiver lacks the
// slot: Map.prototype.size's getter only works on real Maps, and so on. Each isX below is exact
// for objects of this realm, except where a comment says otherwise.
//
// A failed brand check throws, which costs a stack capture in GraalJS; inspect() therefore first
// looks at the prototype chain (getBuiltinKind) and only brand-checks the one candidate found.

const {
  getPrototypeOf,
  getOwnPropertyDescriptor,
} = Object;
const ObjectPrototypeToString = Object.prototype.toString;

function getter(proto, name) {
  const desc = getOwnPropertyDescriptor(proto, name);
  return desc === undefined ? undefined : desc.get;
}

const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
const typedArrayTagGetter = getter(TypedArrayPrototype, Symbol.toStringTag);
/** The typed array's kind ('Uint8Array', ...), or undefined for anything else (no throw). */
function typedArrayTag(value) {
  return Reflect.apply(typedArrayTagGetter, value, []);
}

const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
const weakMapHas = WeakMap.prototype.has;
const weakSetHas = WeakSet.prototype.has;
const dateGetTime = Date.prototype.getTime;
const regExpSource = getter(RegExp.prototype, 'source');
const arrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const SharedArrayBufferCtor =
  typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
const sharedArrayBufferByteLength = SharedArrayBufferCtor === undefined ? undefined :
  getter(SharedArrayBufferCtor.prototype, 'byteLength');
const dataViewBuffer = getter(DataView.prototype, 'buffer');
const numberValueOf = Number.prototype.valueOf;
const stringValueOf = String.prototype.valueOf;
const booleanValueOf = Boolean.prototype.valueOf;
const symbolValueOf = Symbol.prototype.valueOf;
const bigIntValueOf = BigInt.prototype.valueOf;

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// `brand(fn, value)`: true if calling fn with `value` as receiver does not throw.
function brand(fn, value, arg) {
  if (!isObjectLike(value) || fn === undefined) return false;
  try {
    Reflect.apply(fn, value, [arg]);
    return true;
  } catch {
    return false;
  }
}

function isMap(value) { return brand(mapSize, value); }
function isSet(value) { return brand(setSize, value); }
function isWeakMap(value) { return brand(weakMapHas, value); }
function isWeakSet(value) { return brand(weakSetHas, value); }
function isDate(value) { return brand(dateGetTime, value); }
// The `source` getter answers "(?:)" for RegExp.prototype itself, which is not a RegExp.
function isRegExp(value) {
  return value !== RegExp.prototype && brand(regExpSource, value);
}
function isArrayBuffer(value) { return brand(arrayBufferByteLength, value); }
function isSharedArrayBuffer(value) { return brand(sharedArrayBufferByteLength, value); }
function isAnyArrayBuffer(value) { return isArrayBuffer(value) || isSharedArrayBuffer(value); }
function isDataView(value) { return brand(dataViewBuffer, value); }
function isNumberObject(value) { return typeof value === 'object' && brand(numberValueOf, value); }
function isStringObject(value) { return typeof value === 'object' && brand(stringValueOf, value); }
function isBooleanObject(value) {
  return typeof value === 'object' && brand(booleanValueOf, value);
}
function isSymbolObject(value) { return typeof value === 'object' && brand(symbolValueOf, value); }
function isBigIntObject(value) { return typeof value === 'object' && brand(bigIntValueOf, value); }
function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

function isTypedArray(value) { return typedArrayTag(value) !== undefined; }
function isUint8Array(value) { return typedArrayTag(value) === 'Uint8Array'; }
function isUint8ClampedArray(value) { return typedArrayTag(value) === 'Uint8ClampedArray'; }
function isUint16Array(value) { return typedArrayTag(value) === 'Uint16Array'; }
function isUint32Array(value) { return typedArrayTag(value) === 'Uint32Array'; }
function isInt8Array(value) { return typedArrayTag(value) === 'Int8Array'; }
function isInt16Array(value) { return typedArrayTag(value) === 'Int16Array'; }
function isInt32Array(value) { return typedArrayTag(value) === 'Int32Array'; }
function isFloat32Array(value) { return typedArrayTag(value) === 'Float32Array'; }
function isFloat64Array(value) { return typedArrayTag(value) === 'Float64Array'; }
function isBigInt64Array(value) { return typedArrayTag(value) === 'BigInt64Array'; }
function isBigUint64Array(value) { return typedArrayTag(value) === 'BigUint64Array'; }
const isArrayBufferView = ArrayBuffer.isView;

// Objects with an [[ErrorData]] slot. Error.isError (ES2026) is exact; without it,
// Object.prototype.toString reports "Error" for exactly those objects unless a
// Symbol.toStringTag says otherwise.
const ErrorIsError = typeof Error.isError === 'function' ? Error.isError : undefined;
function isNativeError(value) {
  if (!isObjectLike(value)) return false;
  if (ErrorIsError !== undefined) return ErrorIsError(value);
  try {
    return Reflect.apply(ObjectPrototypeToString, value, []) === '[object Error]';
  } catch {
    return false;
  }
}

// Arguments objects have the "Arguments" builtin tag (Object.prototype.toString).
function isArgumentsObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return Reflect.apply(ObjectPrototypeToString, value, []) === '[object Arguments]' &&
      Object.prototype.hasOwnProperty.call(value, 'callee');
  } catch {
    return false;
  }
}

// Functions: the engine gives each kind its own prototype with a Symbol.toStringTag
// ("AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction"). A function whose prototype
// was replaced is misjudged (V8 would still know).
const AsyncFunctionPrototype = getPrototypeOf(async function() {});
const GeneratorFunctionPrototype = getPrototypeOf(function*() {});
const AsyncGeneratorFunctionPrototype = getPrototypeOf(async function*() {});
const GeneratorPrototype = GeneratorFunctionPrototype.prototype;
const AsyncGeneratorPrototype = AsyncGeneratorFunctionPrototype.prototype;

function functionKindTag(value) {
  if (typeof value !== 'function') return '';
  try {
    const tag = Reflect.apply(ObjectPrototypeToString, value, []);
    return tag.slice(8, -1);
  } catch {
    return '';
  }
}
function isAsyncFunction(value) {
  if (typeof value !== 'function') return false;
  const proto = getPrototypeOf(value);
  if (proto === AsyncFunctionPrototype || proto === AsyncGeneratorFunctionPrototype) return true;
  const tag = functionKindTag(value);
  return tag === 'AsyncFunction' || tag === 'AsyncGeneratorFunction';
}
function isGeneratorFunction(value) {
  if (typeof value !== 'function') return false;
  const proto = getPrototypeOf(value);
  if (proto === GeneratorFunctionPrototype || proto === AsyncGeneratorFunctionPrototype) {
    return true;
  }
  const tag = functionKindTag(value);
  return tag === 'GeneratorFunction' || tag === 'AsyncGeneratorFunction';
}

// Iterators and generator objects cannot be brand-checked without advancing them: their
// prototype chain decides.
const MapIteratorPrototype = getPrototypeOf(new Map()[Symbol.iterator]());
const SetIteratorPrototype = getPrototypeOf(new Set()[Symbol.iterator]());
function hasInChain(value, proto) {
  if (!isObjectLike(value)) return false;
  try {
    return Object.prototype.isPrototypeOf.call(proto, value);
  } catch {
    return false;
  }
}
function isMapIterator(value) { return hasInChain(value, MapIteratorPrototype); }
function isSetIterator(value) { return hasInChain(value, SetIteratorPrototype); }
function isGeneratorObject(value) {
  return hasInChain(value, GeneratorPrototype) || hasInChain(value, AsyncGeneratorPrototype);
}

// Module namespace objects: null prototype, not extensible, and a non-writable,
// non-configurable own Symbol.toStringTag "Module".
function isModuleNamespaceObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (getPrototypeOf(value) !== null || Object.isExtensible(value)) return false;
    const desc = getOwnPropertyDescriptor(value, Symbol.toStringTag);
    return desc !== undefined && desc.value === 'Module' && !desc.writable && !desc.configurable;
  } catch {
    return false;
  }
}

// Optional host hooks, provided by the runtime as internalBinding('util') (see inspect.js).
let utilBinding;
function getUtilBinding() {
  if (utilBinding === undefined) {
    utilBinding = null;
    try {
      const binding = internalBinding('util');
      if (binding !== undefined && binding !== null) utilBinding = binding;
    } catch {
      // No such binding: the pure-JS fallbacks apply.
    }
  }
  return utilBinding;
}

// Promises: Promise.resolve(p) returns p itself exactly when p is a promise whose `constructor`
// is Promise; PromiseResolve performs the IsPromise brand check before anything else.
const PromiseResolve = Promise.resolve;
const PromisePrototypeThen = Promise.prototype.then;
function noop() {}
function isPromise(value) {
  if (!isObjectLike(value)) return false;
  const binding = getUtilBinding();
  if (binding !== null && typeof binding.isPromise === 'function') {
    return binding.isPromise(value);
  }
  let ctor;
  try {
    // Only objects that inherit Promise.prototype (or have another chain, see below) qualify.
    if (!hasInChain(value, Promise.prototype) && getPrototypeOf(value) !== null &&
        Reflect.apply(ObjectPrototypeToString, value, []) !== '[object Promise]') {
      return false;
    }
    ctor = value.constructor;
  } catch {
    return false;
  }
  if (typeof ctor !== 'function') ctor = Promise;
  try {
    const result = Reflect.apply(PromiseResolve, ctor, [value]);
    if (result === value) return true;
    // Not a promise: `result` is a new promise that adopts `value` as a thenable. Keep its
    // possible rejection from being reported as unhandled.
    if (result instanceof Promise) Reflect.apply(PromisePrototypeThen, result, [undefined, noop]);
    return false;
  } catch {
    return false;
  }
}

function isProxy(value) {
  const binding = getUtilBinding();
  if (binding !== null && typeof binding.getProxyDetails === 'function') {
    return binding.getProxyDetails(value, false) !== undefined;
  }
  return false;
}

function isExternal() {
  return false;
}

// ---------------------------------------------------------------------------
// Fast classification for inspect(): which builtin kind the object most likely is, from its
// prototype chain, confirmed by one brand check. Objects whose chain does not end at a builtin
// prototype (null-prototype objects and the like) get the full, exact checks.

const kindByPrototype = new Map([
  [Map.prototype, 'Map'],
  [Set.prototype, 'Set'],
  [WeakMap.prototype, 'WeakMap'],
  [WeakSet.prototype, 'WeakSet'],
  [Date.prototype, 'Date'],
  [RegExp.prototype, 'RegExp'],
  [Error.prototype, 'Error'],
  [ArrayBuffer.prototype, 'ArrayBuffer'],
  [DataView.prototype, 'DataView'],
  [Promise.prototype, 'Promise'],
  [Number.prototype, 'Boxed'],
  [String.prototype, 'Boxed'],
  [Boolean.prototype, 'Boxed'],
  [Symbol.prototype, 'Boxed'],
  [BigInt.prototype, 'Boxed'],
  [MapIteratorPrototype, 'MapIterator'],
  [SetIteratorPrototype, 'SetIterator'],
  [Object.prototype, 'Object'],
  [Function.prototype, 'Object'],
  [Array.prototype, 'Object'],
  [TypedArrayPrototype, 'Object'],
]);
if (SharedArrayBufferCtor !== undefined) {
  kindByPrototype.set(SharedArrayBufferCtor.prototype, 'SharedArrayBuffer');
}

const checks = {
  Map: isMap,
  Set: isSet,
  WeakMap: isWeakMap,
  WeakSet: isWeakSet,
  Date: isDate,
  RegExp: isRegExp,
  // Like Node's isError(): native errors and anything else inheriting Error.prototype.
  Error: () => true,
  ArrayBuffer: isArrayBuffer,
  SharedArrayBuffer: isSharedArrayBuffer,
  DataView: isDataView,
  Promise: isPromise,
  Boxed: isBoxedPrimitive,
  MapIterator: () => true,
  SetIterator: () => true,
};

/**
 * The builtin kind of `value` as one of 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp',
 * 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Promise', 'Boxed', 'MapIterator',
 * 'SetIterator', 'Error' (inherits Error.prototype), or '' for none of these, or undefined when the
 * prototype chain does not tell (then the caller runs the exact checks one by one).
 */
function getBuiltinKind(value) {
  let obj = value;
  for (let depth = 0; depth < 1000; depth++) {
    let proto;
    try {
      proto = getPrototypeOf(obj);
    } catch {
      return undefined;
    }
    if (proto === null) return undefined;
    const kind = kindByPrototype.get(proto);
    if (kind !== undefined) {
      if (kind === 'Object') return '';
      return checks[kind](value) ? kind : '';
    }
    obj = proto;
  }
  return undefined;
}

module.exports = {
  isExternal,
  isDate,
  isArgumentsObject,
  isBigIntObject,
  isBooleanObject,
  isNumberObject,
  isStringObject,
  isSymbolObject,
  isNativeError,
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise,
  isMap,
  isSet,
  isMapIterator,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy,
  isModuleNamespaceObject,
  isAnyArrayBuffer,
  isBoxedPrimitive,
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
};

// As in Node: non-writable, non-configurable methods (named `value`) that ask the crypto module.
Object.defineProperties(module.exports, {
  isKeyObject: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value(obj) {
      try {
        const { KeyObject } = require('crypto');
        return typeof KeyObject === 'function' && obj instanceof KeyObject;
      } catch {
        return false;
      }
    },
  },
  isCryptoKey: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value(obj) {
      try {
        const { webcrypto } = require('crypto');
        const CryptoKey = webcrypto && webcrypto.CryptoKey;
        return typeof CryptoKey === 'function' && obj instanceof CryptoKey;
      } catch {
        return false;
      }
    },
  },
});

// Not part of util.types: for inspect and the other internals.
Object.defineProperties(module.exports, {
  getBuiltinKind: { __proto__: null, value: getBuiltinKind, enumerable: false },
  getUtilBinding: { __proto__: null, value: getUtilBinding, enumerable: false },
  typedArrayTag: { __proto__: null, value: typedArrayTag, enumerable: false },
  getMapSize: { __proto__: null, value: (m) => Reflect.apply(mapSize, m, []), enumerable: false },
  getSetSize: { __proto__: null, value: (s) => Reflect.apply(setSize, s, []), enumerable: false },
});
