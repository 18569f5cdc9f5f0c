// setTimeout/setInterval return Timeout objects (this in the callback) that convert to numeric ids clearTimeout accepts; extra args reach callbacks; require('timers') exports the globals.
{
  const t = setTimeout(() => {}, 1);
  const iv = setInterval(() => {}, 1);
  const im = setImmediate(() => {});
  console.log(typeof t, t.constructor.name);
  console.log(typeof iv, iv.constructor.name);
  console.log(typeof im, im.constructor.name);
  clearTimeout(t); clearInterval(iv); clearImmediate(im);
  const timers = require('timers');
  console.log('require("timers").setTimeout === setTimeout:', timers.setTimeout === setTimeout);
  console.log('node:timers same module:', require('node:timers') === timers);
  console.log('exports:', ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].every((k) => typeof timers[k] === 'function'));
}
{
  setTimeout((a, b, c) => console.log('timeout args', a, b, c), 1, 'one', 2, { three: 3 });
  setTimeout(function () { console.log('this is Timeout:', this.constructor.name); }, 2);
  const iv = setInterval((x) => { console.log('interval arg', x); clearInterval(iv); }, 3, 'ivArg');
}
{
  const a = setTimeout(() => console.log('a (must not run)'), 10);
  const b = setTimeout(() => console.log('b runs'), 10);
  const idA = +a;
  console.log('typeof +timeout:', typeof idA);
  console.log('integer:', Number.isInteger(idA));
  console.log('stable:', +a === idA, `${a}` === String(idA));
  console.log('distinct:', +a !== +b);
  clearTimeout(idA);
}
