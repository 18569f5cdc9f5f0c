// Recursive promise jobs (10000) starve the loop just like nextTick: setTimeout(0) and setImmediate wait until the chain ends.
const N = 10000;
let count = 0;
let timeoutSaw = -1, immediateSaw = -1;
setTimeout(() => { timeoutSaw = count; }, 0);
setImmediate(() => { immediateSaw = count; });
function step() {
  count++;
  if (count < N) Promise.resolve().then(step);
}
Promise.resolve().then(step);
process.on('exit', () => {
  console.log('promise jobs run: ' + count);
  console.log('timeout waited for all jobs: ' + (timeoutSaw === N));
  console.log('immediate waited for all jobs: ' + (immediateSaw === N));
});
