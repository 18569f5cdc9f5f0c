// Throwing null from a callback is still an uncaught exception: the handler receives null.
process.on('uncaughtException', (err) => console.log('caught value:', err, typeof err));
setImmediate(() => { throw null; });
setImmediate(() => { throw 123; });
setTimeout(() => console.log('still alive'), 5);
