// timers/promises setTimeout resolves with its value after the delay; setImmediate resolves in the check phase, after promise jobs and before a timer set in the same callback.
{
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
}
{
  const { setImmediate: immediate } = require('timers/promises');
  setTimeout(() => {
    setTimeout(() => console.log('timeout'), 0);
    immediate('imm value').then((v) => console.log('setImmediate promise:', v));
    Promise.resolve().then(() => console.log('promise job'));
  }, 1);
}
