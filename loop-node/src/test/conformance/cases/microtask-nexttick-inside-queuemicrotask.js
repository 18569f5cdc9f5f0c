// A nextTick queued from queueMicrotask waits until the microtask queue is empty.
queueMicrotask(() => {
  console.log('microtask A');
  process.nextTick(() => console.log('nextTick from A'));
  queueMicrotask(() => console.log('microtask from A'));
});
queueMicrotask(() => console.log('microtask B'));
