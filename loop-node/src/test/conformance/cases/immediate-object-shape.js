// setImmediate returns an Immediate object (not a number); it has no Symbol.toPrimitive and clearImmediate takes the object.
const im = setImmediate(() => {});
console.log(typeof im, im.constructor.name);
console.log('has toPrimitive:', typeof im[Symbol.toPrimitive] === 'function');
console.log('hasRef/ref/unref:', typeof im.hasRef, typeof im.ref, typeof im.unref);
clearImmediate(im);
