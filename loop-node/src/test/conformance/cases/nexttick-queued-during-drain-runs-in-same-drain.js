// Ticks queued while the tick queue drains run in the same drain, before any promise job or timer.
let depth = 0;
function tick() {
  depth++;
  console.log('tick depth ' + depth);
  if (depth < 4) process.nextTick(tick);
}
Promise.resolve().then(() => console.log('promise'));
setTimeout(() => console.log('timeout'), 0);
process.nextTick(tick);
