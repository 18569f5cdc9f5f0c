// timers/promises reject with AbortError when their signal aborts, and at once if it is already aborted.
const tp = require('timers/promises');
const ac = new AbortController();
tp.setTimeout(10000, 'never', { signal: ac.signal }).catch((e) => console.log('setTimeout:', e.name, e.code, e.cause === 'stop!'));
tp.setImmediate('never', { signal: AbortSignal.abort() }).catch((e) => console.log('setImmediate pre-aborted:', e.name, e.code));
(async () => {
  const ac2 = new AbortController();
  let n = 0;
  try {
    for await (const _ of tp.setInterval(5, null, { signal: ac2.signal })) {
      n++;
      if (n === 2) ac2.abort();
    }
  } catch (e) {
    console.log('setInterval after', n, 'runs:', e.name);
  }
})();
setTimeout(() => ac.abort('stop!'), 20);
