// setInterval(fn, 0) repeats at 1 ms and lets immediates run between its runs.
let n = 0;
const log = [];
const iv = setInterval(() => {
  n++;
  log.push('interval ' + n);
  if (n === 1) setImmediate(() => log.push('immediate'));
  if (n === 3) {
    clearInterval(iv);
    console.log(log.join('\n'));
  }
}, 0);
