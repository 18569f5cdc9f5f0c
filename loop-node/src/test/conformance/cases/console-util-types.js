// util.types predicates classify values (isPromise, isDate, isRegExp, isMap, isAsyncFunction, ...); util.isDeepStrictEqual basics.
const { types } = require('util');
const checks = {
  isPromise: [Promise.resolve(), { then() {} }],
  isDate: [new Date(), Date.now()],
  isRegExp: [/x/, 'x'],
  isMap: [new Map(), new WeakMap()],
  isSet: [new Set(), []],
  isAsyncFunction: [async () => {}, () => {}],
  isGeneratorFunction: [function* () {}, function () {}],
  isTypedArray: [new Uint8Array(), new ArrayBuffer(1)],
  isUint8Array: [Buffer.alloc(1), new Int8Array()],
  isArrayBuffer: [new ArrayBuffer(1), new SharedArrayBuffer(1)],
  isAnyArrayBuffer: [new SharedArrayBuffer(1), new Uint8Array()],
  isNativeError: [new TypeError(), { name: 'Error', message: '' }],
  isBoxedPrimitive: [new String(''), ''],
  isProxy: [new Proxy({}, {}), {}],
};
for (const [name, [yes, no]] of Object.entries(checks)) {
  console.log(name.padEnd(20), types[name](yes), types[name](no));
}
console.log('isDeepStrictEqual:', require('util').isDeepStrictEqual({ a: [1] }, { a: [1] }), require('util').isDeepStrictEqual([1], ['1']));
