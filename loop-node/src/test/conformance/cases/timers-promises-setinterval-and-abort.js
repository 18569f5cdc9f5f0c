// timers/promises setInterval is an async iterator (break stops it); the timers/promises functions reject with AbortError when their signal aborts, at once if already aborted.
const tp = require('timers/promises');
(async () => {
  let n = 0;
  for await (const v of tp.setInterval(5, 'tick-value')) {
    n++;
    console.log(n, v);
    if (n === 3) break;
  }
  console.log('for-await ended with break');

  try {
    await tp.setImmediate('never', { signal: AbortSignal.abort() });
  } catch (e) {
    console.log('setImmediate pre-aborted:', e.name, e.code);
  }

  const ac = new AbortController();
  setTimeout(() => ac.abort('stop!'), 20);
  try {
    await tp.setTimeout(10000, 'never', { signal: ac.signal });
  } catch (e) {
    console.log('setTimeout aborted:', e.name, e.code, 'cause is the reason:', e.cause === 'stop!');
  }

  const ac2 = new AbortController();
  let m = 0;
  try {
    for await (const _ of tp.setInterval(5, null, { signal: ac2.signal })) {
      m++;
      if (m === 2) ac2.abort();
    }
  } catch (e) {
    console.log('setInterval aborted after', m, 'runs:', e.name);
  }
})();
