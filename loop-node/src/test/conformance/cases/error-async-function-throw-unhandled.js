// A throw inside an async function without await/catch is an unhandled rejection: exit 1 with the error on stderr.
// stderr-includes: Error: async boom
async function work() {
  console.log('work started');
  await null;
  throw new Error('async boom');
}
work();
console.log('main done');
