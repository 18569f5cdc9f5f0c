// Resolving with a promise (also returning one from an async function) costs two extra jobs, so it settles after plain chains.
{
  const p = Promise.resolve('inner');
  new Promise((resolve) => resolve(p)).then(() => console.log('resolved with promise'));
  Promise.resolve()
    .then(() => console.log('tick 1'))
    .then(() => console.log('tick 2'))
    .then(() => console.log('tick 3'));
}
{
  async function plain() { return 1; }
  async function returnsPromise() { return Promise.resolve(2); }
  returnsPromise().then(() => console.log('returnsPromise settled'));
  plain().then(() => console.log('plain settled'));
  Promise.resolve()
    .then(() => console.log('job 1'))
    .then(() => console.log('job 2'))
    .then(() => console.log('job 3'));
}
