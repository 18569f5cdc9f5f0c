// setTimeout and setInterval return Timeout objects, setImmediate returns an Immediate; the timers module exports the same functions.
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
