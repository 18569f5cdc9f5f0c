// EventEmitter listeners run in the emitter's caller context; AsyncLocalStorage.bind and snapshot capture a context.
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
