// A promise job queued from a nextTick callback runs only after the nextTick queue is empty, including ticks queued meanwhile.
process.nextTick(() => {
  console.log('tick A');
  Promise.resolve().then(() => console.log('promise from A'));
  process.nextTick(() => console.log('tick from A'));
});
process.nextTick(() => console.log('tick B'));
Promise.resolve().then(() => console.log('promise main'));
