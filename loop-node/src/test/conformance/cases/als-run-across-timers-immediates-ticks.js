// AsyncLocalStorage.run's store follows callbacks scheduled inside it: setTimeout, setInterval, setImmediate, nextTick.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
als.run({ id: 'req-1' }, () => {
  setTimeout(() => console.log('setTimeout:', als.getStore().id), 1);
  setImmediate(() => console.log('setImmediate:', als.getStore().id));
  process.nextTick(() => console.log('nextTick:', als.getStore().id));
  const iv = setInterval(() => { console.log('setInterval:', als.getStore().id); clearInterval(iv); }, 2);
});
console.log('outside run:', als.getStore());
// Make both timers due before the first loop iteration so the output order is fixed.
const until = Date.now() + 10;
while (Date.now() < until);
