// clearImmediate cancels a pending immediate, also one in the batch currently running; clearing twice or clearing junk is harmless.
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
