// exit() runs a callback with no store; disable() clears the store until the next run().
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
als.run('s', () => {
  als.exit(() => {
    console.log('inside exit:', als.getStore());
    setTimeout(() => console.log('timer from exit:', als.getStore()), 1);
  });
  console.log('after exit:', als.getStore());
  als.disable();
  console.log('after disable:', als.getStore());
});
als.run('again', () => console.log('run after disable works:', als.getStore()));
