'use strict';
// Part of util.inspect (see internal/util/inspect.js): what an object is called and which keys
// are listed. Constructor names, the builtin type of an object, the "[class Foo extends Bar]" /
// "[Function: f]" / "[Number: 3]" bases, and own keys. After Node v20 (MIT).

const {
  getBuiltinKind,
  isArgumentsObject,
  isAsyncFunction,
  isGeneratorFunction,
  isModuleNamespaceObject,
  isSet,
  isMap,
  isMapIterator,
  isSetIterator,
  isRegExp,
  isDate,
  isAnyArrayBuffer,
  isArrayBuffer,
  isDataView,
  isPromise,
  isWeakSet,
  isWeakMap,
  isBoxedPrimitive,
  isNumberObject,
  isStringObject,
  isBooleanObject,
  isBigIntObject,
  isNativeError,
  typedArrayTag,
} = require('internal/util/types');
const { formatPrimitive, getPrefix, stylizeNoColor } = require('internal/util/inspect_primitives');
const { isError } = require('internal/util/inspect_error');

const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
const ObjectPrototypePropertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const FunctionPrototypeToString = Function.prototype.toString;
const NumberPrototypeValueOf = Number.prototype.valueOf;
const StringPrototypeValueOf = String.prototype.valueOf;
const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
const SymbolPrototypeValueOf = Symbol.prototype.valueOf;

// The capitalized globals of the JavaScript engine, as Node's inspect sees them when it loads
// (before Node adds its own globals such as Buffer or URL). Objects whose nearest `toString` or
// `constructor` belongs to one of these count as built-in (format's %s, showHidden).
const builtInObjects = new Set([
  'Object', 'Function', 'Array', 'Number', 'Infinity', 'NaN', 'Boolean', 'String', 'Symbol',
  'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
  'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
  'FinalizationRegistry', 'WeakRef',
]);

// https://tc39.es/ecma262/#sec-IsHTMLDDA-internal-slot
const isUndetectableObject = (v) => typeof v === 'undefined' && v !== undefined;

const classRegExp = /^(\s+[^(]*?)\s*{/;
// eslint-disable-next-line node-core/no-unescaped-regexp-dot
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

// Own keys of an array or typed array that are not indices (the `filter` of Node's binding:
// only enumerable ones unless showHidden). Integer-indexed keys come first in [[OwnPropertyKeys]].
function isArrayIndexKey(key) {
  if (typeof key !== 'string') return false;
  if (key.length === 0 || key.length > 10) return false;
  const n = +key;
  return n >>> 0 === n && n !== 4294967295 && `${n}` === key;
}

function getOwnNonIndexProperties(value, onlyEnumerable) {
  const keys = Reflect.ownKeys(value);
  // The indices come first and in order: find where they end by bisection rather than looking
  // at each of them (a typed array of a million bytes has a million of them).
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isArrayIndexKey(keys[mid])) lo = mid + 1; else hi = mid;
  }
  const result = [];
  for (let i = lo; i < keys.length; i++) {
    const key = keys[i];
    // (A proxy may list its keys in any order.)
    if (isArrayIndexKey(key)) continue;
    if (onlyEnumerable && !ObjectPrototypePropertyIsEnumerable.call(value, key)) continue;
    result.push(key);
  }
  return result;
}

// V8's JSReceiver::GetConstructorName, used when the prototype chain has no usable
// `constructor`: the first own data Symbol.toStringTag string in the chain (the object's own
// included), else the first prototype's own `constructor` function with a name other than
// "Object", else the engine's class name of the object. (V8 first asks the object's map for the
// constructor it was created with; standard JavaScript cannot, so objects whose prototype was
// changed after construction may get a less precise name.)
function internalGetConstructorName(value) {
  let current = value;
  try {
    for (let depth = 0; current !== null && depth < 1000; depth++) {
      const tagDesc = Object.getOwnPropertyDescriptor(current, Symbol.toStringTag);
      if (tagDesc !== undefined && typeof tagDesc.value === 'string') return tagDesc.value;
      if (current !== value) {
        const ctorDesc = Object.getOwnPropertyDescriptor(current, 'constructor');
        if (ctorDesc !== undefined && typeof ctorDesc.value === 'function') {
          const name = ctorDesc.value.name;
          if (typeof name === 'string' && name !== '' && name !== 'Object') return name;
        }
      }
      current = Object.getPrototypeOf(current);
    }
  } catch {
    // Fall back to the class name.
  }
  return engineClassName(value);
}

const kClassNameOfKind = {
  __proto__: null,
  Map: 'Map', Set: 'Set', WeakMap: 'WeakMap', WeakSet: 'WeakSet', Date: 'Date',
  RegExp: 'RegExp', ArrayBuffer: 'ArrayBuffer', SharedArrayBuffer: 'SharedArrayBuffer',
  DataView: 'DataView', Promise: 'Promise',
};

function engineClassName(value) {
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'function') return 'Function';
  const typed = typedArrayTag(value);
  if (typed !== undefined) return typed;
  if (isArgumentsObject(value)) return 'Arguments';
  if (isNativeError(value)) return 'Error';
  const kind = builtinKind(value);
  if (kind === 'Boxed') {
    if (isNumberObject(value)) return 'Number';
    if (isStringObject(value)) return 'String';
    if (isBooleanObject(value)) return 'Boolean';
    if (isBigIntObject(value)) return 'BigInt';
    return 'Symbol';
  }
  return kClassNameOfKind[kind] || 'Object';
}

/**
 * Which builtin type `value` is, for formatRaw. Usually decided from the prototype chain plus
 * one brand check; objects with an unusual chain get Node's checks in Node's order.
 */
function builtinKind(value) {
  const kind = getBuiltinKind(value);
  if (kind !== undefined) return kind;
  if (isSet(value)) return 'Set';
  if (isMap(value)) return 'Map';
  if (isMapIterator(value)) return 'MapIterator';
  if (isSetIterator(value)) return 'SetIterator';
  if (isRegExp(value)) return 'RegExp';
  if (isDate(value)) return 'Date';
  if (isError(value)) return 'Error';
  if (isAnyArrayBuffer(value)) return isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
  if (isDataView(value)) return 'DataView';
  if (isPromise(value)) return 'Promise';
  if (isWeakSet(value)) return 'WeakSet';
  if (isWeakMap(value)) return 'WeakMap';
  if (isBoxedPrimitive(value)) return 'Boxed';
  return '';
}

// Look up the keys of the object.
function getKeys(value, showHidden) {
  let keys;
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    if (symbols.length !== 0)
      keys.push(...symbols);
  } else {
    // This might throw if `value` is a Module Namespace Object from an
    // unevaluated module.
    try {
      keys = Object.keys(value);
    } catch (err) {
      if (!isModuleNamespaceObject(value)) throw err;
      keys = Object.getOwnPropertyNames(value);
    }
    if (symbols.length !== 0) {
      const filter = (key) => ObjectPrototypePropertyIsEnumerable.call(value, key);
      keys.push(...symbols.filter(filter));
    }
  }
  return keys;
}

function getCtxStyle(value, constructor, tag) {
  let fallback = '';
  if (constructor === null) {
    fallback = internalGetConstructorName(value);
    if (fallback === tag) {
      fallback = 'Object';
    }
  }
  return getPrefix(constructor, tag, fallback);
}

function getIteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '')
      tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let fn;
  let type;
  if (isNumberObject(value)) {
    fn = NumberPrototypeValueOf;
    type = 'Number';
  } else if (isStringObject(value)) {
    fn = StringPrototypeValueOf;
    type = 'String';
    // For boxed Strings, we have to remove the 0-n indexed entries,
    // since they just noisy up the output and are redundant
    // Make boxed primitive Strings look like such
    keys.splice(0, value.length);
  } else if (isBooleanObject(value)) {
    fn = BooleanPrototypeValueOf;
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    fn = BigIntPrototypeValueOf;
    type = 'BigInt';
  } else {
    fn = SymbolPrototypeValueOf;
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) {
      base += ' (null prototype)';
    } else {
      base += ` (${constructor})`;
    }
  }
  base += `: ${formatPrimitive(stylizeNoColor, Reflect.apply(fn, value, []), ctx)}]`;
  if (tag !== '' && tag !== constructor) {
    base += ` [${tag}]`;
  }
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor)
    return base;
  return ctx.stylize(base, type.toLowerCase());
}

function getClassBase(value, constructor, tag) {
  const hasName = ObjectPrototypeHasOwnProperty.call(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) {
    base += ` [${constructor}]`;
  }
  if (tag !== '' && constructor !== tag) {
    base += ` [${tag}]`;
  }
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) {
      base += ` extends ${superName}`;
    }
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(value, constructor, tag) {
  const stringified = FunctionPrototypeToString.call(value);
  if (stringified.startsWith('class') && stringified[stringified.length - 1] === '}') {
    const slice = stringified.slice(5, -1);
    const bracketIndex = slice.indexOf('{');
    if (bracketIndex !== -1 &&
        (!slice.slice(0, bracketIndex).includes('(') ||
        // Slow path to guarantee that it's indeed a class.
        classRegExp.exec(slice.replace(stripCommentsRegExp, '')) !== null)
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (isGeneratorFunction(value)) {
    type = `Generator${type}`;
  }
  if (isAsyncFunction(value)) {
    type = `Async${type}`;
  }
  let base = `[${type}`;
  if (constructor === null) {
    base += ' (null prototype)';
  }
  if (value.name === '') {
    base += ' (anonymous)';
  } else {
    base += `: ${value.name}`;
  }
  base += ']';
  if (constructor !== type && constructor !== null) {
    base += ` ${constructor}`;
  }
  if (tag !== '' && constructor !== tag) {
    base += ` [${tag}]`;
  }
  return base;
}

module.exports = {
  builtInObjects,
  isUndetectableObject,
  getOwnNonIndexProperties,
  internalGetConstructorName,
  builtinKind,
  getKeys,
  getCtxStyle,
  getIteratorBraces,
  getBoxedBase,
  getFunctionBase,
};
