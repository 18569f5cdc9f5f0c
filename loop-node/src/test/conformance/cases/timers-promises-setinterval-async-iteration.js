// timers/promises setInterval is an async iterator yielding the value each period; breaking out of for-await stops it.
const { setInterval: every } = require('timers/promises');
(async () => {
  let n = 0;
  for await (const v of every(5, 'tick-value')) {
    n++;
    console.log(n, v);
    if (n === 3) break;
  }
  console.log('loop ended, process exits (interval stopped)');
})();
