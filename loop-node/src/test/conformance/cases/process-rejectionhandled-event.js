// A rejection reported as unhandled and caught later (in a timer) emits 'rejectionHandled' with the same promise.
let reported;
process.on('unhandledRejection', (reason, p) => { reported = p; console.log('unhandledRejection:', reason); });
process.on('rejectionHandled', (p) => console.log('rejectionHandled, same promise:', p === reported));
const p = Promise.reject('late');
setTimeout(() => {
  console.log('attaching catch');
  p.catch(() => console.log('catch ran'));
}, 5);
