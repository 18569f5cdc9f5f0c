// An error thrown in queueMicrotask without a handler ends the process with exit code 1.
// stderr-includes: Error: microtask boom
console.log('before');
queueMicrotask(() => { throw new Error('microtask boom'); });
setTimeout(() => console.log('never printed'), 1);
