// Nested run() replaces and restores the store (sync and for callbacks); EventEmitter listeners use the emitter's caller context; bind/snapshot capture a context.
{
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
}
{
  const { AsyncLocalStorage } = require('async_hooks');
  const EventEmitter = require('events');
  const als = new AsyncLocalStorage();
  const ee = new EventEmitter();
  ee.on('ev', () => console.log('listener sees', als.getStore()));
  als.run('emit-ctx', () => ee.emit('ev'));
  const bound = als.run('bound-ctx', () => AsyncLocalStorage.bind(() => als.getStore()));
  console.log('bound fn:', bound());
  const snap = als.run('snap-ctx', () => AsyncLocalStorage.snapshot());
  console.log('snapshot:', snap(() => als.getStore()));
}
