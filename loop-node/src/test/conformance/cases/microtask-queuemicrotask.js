// queueMicrotask shares the promise job queue (FIFO, after nextTicks); a tick queued from it waits for the queue to empty; a non-function throws ERR_INVALID_ARG_TYPE.
{
  queueMicrotask(() => console.log('microtask 1'));
  Promise.resolve().then(() => console.log('promise 1'));
  queueMicrotask(() => console.log('microtask 2'));
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise 2'));
  console.log('sync');
}
{
  queueMicrotask(() => {
    console.log('microtask A');
    process.nextTick(() => console.log('nextTick from A'));
    queueMicrotask(() => console.log('microtask from A'));
  });
  queueMicrotask(() => console.log('microtask B'));
}
{
  try {
    queueMicrotask('not a function');
  } catch (e) {
    console.log(e.name, e.code);
  }
  console.log(typeof queueMicrotask, queueMicrotask.length);
}
