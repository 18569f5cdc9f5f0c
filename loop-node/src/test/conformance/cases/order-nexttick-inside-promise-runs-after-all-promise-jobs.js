// A nextTick queued from a promise job runs only after the whole promise job queue is empty.
Promise.resolve().then(() => {
  console.log('promise A');
  process.nextTick(() => console.log('nextTick from A'));
  Promise.resolve().then(() => console.log('promise from A'));
});
Promise.resolve().then(() => console.log('promise B'));
process.nextTick(() => console.log('nextTick main'));
