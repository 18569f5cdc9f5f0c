// Immediates run FIFO with their extra args; setImmediate returns an Immediate object; clearImmediate cancels pending ones, even in the running batch.
{
  setImmediate((a, b) => console.log('first', a, b), 'x', 2);
  setImmediate(() => console.log('second'));
  setImmediate((...args) => console.log('third', args.length), 1, 2, 3, 4, 5, 6);
}
{
  const im = setImmediate(() => {});
  console.log(typeof im, im.constructor.name);
  console.log('has toPrimitive:', typeof im[Symbol.toPrimitive] === 'function');
  console.log('hasRef/ref/unref:', typeof im.hasRef, typeof im.ref, typeof im.unref);
  clearImmediate(im);
}
{
  const b = setImmediate(() => console.log('B (must not run)'));
  setImmediate(() => {
    console.log('A');
    clearImmediate(c);
  });
  const c = setImmediate(() => console.log('C (must not run)'));
  setImmediate(() => console.log('D'));
  clearImmediate(b);
  clearImmediate(b);
  clearImmediate(undefined);
  clearImmediate(null);
  clearImmediate({});
  console.log('cleared');
}
