// setInterval repeats until clearInterval (here from its own callback); a 0 ms interval runs every 1 ms and lets immediates run between runs; slow runs never overlap.
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('tick', n);
  if (n === 3) {
    clearInterval(iv);
    console.log('cleared after', n, 'runs');
    zeroInterval();
  }
}, 5);

function zeroInterval() {
  let m = 0;
  const log = [];
  const iv0 = setInterval(() => {
    m++;
    log.push('interval(0) run ' + m);
    if (m === 1) setImmediate(() => log.push('immediate'));
    if (m === 3) {
      clearInterval(iv0);
      console.log(log.join('\n'));
      slowInterval();
    }
  }, 0);
}

function slowInterval() {
  const start = Date.now();
  let k = 0;
  const iv2 = setInterval(() => {
    k++;
    const until = Date.now() + 30;
    while (Date.now() < until);
    if (k === 3) {
      clearInterval(iv2);
      console.log('3 runs of a 30 ms callback on a 10 ms interval took at least 90 ms:', Date.now() - start >= 90);
    }
  }, 10);
}
