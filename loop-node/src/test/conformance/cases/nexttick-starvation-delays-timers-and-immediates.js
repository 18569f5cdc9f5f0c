// Recursive nextTick (10000 times) starves the loop: setTimeout(0) and setImmediate scheduled earlier run only after it stops.
const N = 10000;
let count = 0;
let timeoutSawCount = -1;
let immediateSawCount = -1;
setTimeout(() => { timeoutSawCount = count; console.log('timeout ran'); }, 0);
setImmediate(() => { immediateSawCount = count; console.log('immediate ran'); });
function recurse() {
  count++;
  if (count < N) process.nextTick(recurse);
  else console.log('ticks done: ' + count);
}
process.nextTick(recurse);
process.on('exit', () => {
  console.log('timeout ran after all ticks: ' + (timeoutSawCount === N));
  console.log('immediate ran after all ticks: ' + (immediateSawCount === N));
});
