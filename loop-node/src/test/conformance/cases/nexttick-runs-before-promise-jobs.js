// After the main script, the nextTick queue drains (FIFO, with args, including ticks queued meanwhile) before any promise job, and all of it before timers.
{
  console.log('sync 1');
  Promise.resolve().then(() => console.log('promise 1'));
  process.nextTick(() => console.log('nextTick 1'));
  Promise.resolve().then(() => console.log('promise 2'));
  process.nextTick(() => console.log('nextTick 2'));
  console.log('sync 2');
}
{
  Promise.resolve().then(() => console.log('promise (queued first)'));
  process.nextTick(() => console.log('nextTick (queued second)'));
}
{
  process.nextTick((a, b, c) => console.log('args', a, b, c), 1, 'two', [3]);
  process.nextTick(function () { console.log('arguments.length', arguments.length); });
  process.nextTick((...rest) => console.log('rest', rest.length, rest[4]), 1, 2, 3, 4, 5);
}
{
  let depth = 0;
  function tick() {
    depth++;
    console.log('tick depth ' + depth);
    if (depth < 4) process.nextTick(tick);
  }
  Promise.resolve().then(() => console.log('promise'));
  setTimeout(() => console.log('timeout'), 0);
  process.nextTick(tick);
}
