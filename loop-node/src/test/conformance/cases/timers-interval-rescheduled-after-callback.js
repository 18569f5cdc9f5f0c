// An interval whose callback takes longer than its period does not run back-to-back to catch up: runs never overlap and count stays small.
const start = Date.now();
let n = 0;
const iv = setInterval(() => {
  n++;
  const until = Date.now() + 30;
  while (Date.now() < until);
  if (n === 3) {
    clearInterval(iv);
    console.log('3 runs took at least 90 ms: ' + (Date.now() - start >= 90));
  }
}, 10);
