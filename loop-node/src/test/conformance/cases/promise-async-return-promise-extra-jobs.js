// An async function returning a promise settles two jobs later than one returning a plain value.
async function plain() { return 1; }
async function returnsPromise() { return Promise.resolve(2); }
returnsPromise().then(() => console.log('returnsPromise settled'));
plain().then(() => console.log('plain settled'));
Promise.resolve()
  .then(() => console.log('job 1'))
  .then(() => console.log('job 2'))
  .then(() => console.log('job 3'));
