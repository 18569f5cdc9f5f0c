// Resolving a promise with another promise costs two extra jobs (NewPromiseResolveThenableJob), so it settles after plain chains.
const p = Promise.resolve('inner');
new Promise((resolve) => resolve(p)).then(() => console.log('resolved with promise'));
Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'));
