// Nested run() replaces the store inside and restores the outer one afterwards, for sync code and for callbacks.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
als.run('outer', () => {
  console.log('1', als.getStore());
  als.run('inner', () => {
    console.log('2', als.getStore());
    setTimeout(() => console.log('4 timer from inner:', als.getStore()), 1);
  });
  console.log('3', als.getStore());
  setTimeout(() => console.log('5 timer from outer:', als.getStore()), 2);
});
console.log('run returns the callback value:', als.run('x', () => 42));
const other = new AsyncLocalStorage();
als.run('first', () => other.run('second', () => console.log('two instances:', als.getStore(), other.getStore())));
