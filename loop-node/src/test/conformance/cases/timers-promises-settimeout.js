// timers/promises setTimeout resolves with the given value after the delay; node:timers/promises is the same module.
const tp = require('timers/promises');
console.log('same module:', tp === require('node:timers/promises'));
console.log('same as timers.promises:', tp === require('timers').promises);
(async () => {
  const start = Date.now();
  const v = await tp.setTimeout(20, 'the value');
  console.log('resolved with:', v);
  console.log('waited at least 20 ms:', Date.now() - start >= 19);
  console.log('no value gives:', await tp.setTimeout(1));
})();
