// Without an 'unhandledRejection' listener, an unhandled rejection is raised as an uncaught exception with origin 'unhandledRejection'.
process.on('uncaughtException', (err, origin) => console.log('uncaughtException:', err.message, '| origin:', origin));
Promise.reject(new Error('rejected'));
setTimeout(() => console.log('process keeps running'), 1);
