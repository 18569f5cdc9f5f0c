// An error thrown in queueMicrotask is an uncaught exception (not a rejection); with a handler the process continues.
process.on('uncaughtException', (err, origin) => console.log('uncaughtException:', err.message, origin));
process.on('unhandledRejection', () => console.log('unhandledRejection (must not happen)'));
queueMicrotask(() => { throw new Error('microtask boom'); });
queueMicrotask(() => console.log('next microtask'));
setTimeout(() => console.log('timer after'), 1);
