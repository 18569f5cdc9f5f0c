// timers/promises setImmediate resolves in the check phase: after promise jobs, before a timer scheduled in the same callback.
const { setImmediate: immediate } = require('timers/promises');
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  immediate('imm value').then((v) => console.log('setImmediate promise:', v));
  Promise.resolve().then(() => console.log('promise job'));
}, 1);
