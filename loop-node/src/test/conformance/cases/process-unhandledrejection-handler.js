// An 'unhandledRejection' listener receives the reason and the promise; the process keeps running and exits 0.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection:', reason.message, '| promise is a Promise:', promise instanceof Promise);
});
Promise.reject(new Error('nobody catches me'));
setTimeout(() => console.log('still running'), 1);
process.on('exit', (code) => console.log('exit code', code));
