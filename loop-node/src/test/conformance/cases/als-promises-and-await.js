// The store survives promise reactions and await, including after awaiting timers; separate runs do not leak into each other. (A sleeps 200 ms, B 5 ms: far enough apart that a slow first call on a loaded machine cannot reorder them.)
const { AsyncLocalStorage } = require('async_hooks');
const { setTimeout: sleep } = require('timers/promises');
const als = new AsyncLocalStorage();
async function handler(name, delay) {
  console.log(name, 'start', als.getStore());
  await sleep(delay);
  console.log(name, 'after sleep', als.getStore());
  await null;
  return als.getStore();
}
als.run('A', () => handler('A', 200)).then((v) => console.log('A resolved, then sees', als.getStore(), 'value', v));
als.run('B', () => handler('B', 5));
als.run('C', () => Promise.resolve().then(() => console.log('C then:', als.getStore())));
