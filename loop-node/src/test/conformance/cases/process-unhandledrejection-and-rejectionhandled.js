// An 'unhandledRejection' listener gets (reason, promise) and the process keeps running; a catch attached later emits 'rejectionHandled' with that promise.
let reported;
process.on('unhandledRejection', (reason, promise) => {
  reported = promise;
  console.log('unhandledRejection:', reason.message, '| promise is a Promise:', promise instanceof Promise);
});
process.on('rejectionHandled', (p) => console.log('rejectionHandled, same promise:', p === reported));
process.on('exit', (code) => console.log('exit code', code));
const p = Promise.reject(new Error('nobody catches me yet'));
setTimeout(() => {
  console.log('attaching catch in a timer');
  p.catch(() => console.log('catch ran'));
}, 5);
