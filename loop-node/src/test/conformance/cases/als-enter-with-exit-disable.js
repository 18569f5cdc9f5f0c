// enterWith sets the store for the rest of the current execution and what it schedules; exit() runs a callback without a store; disable() clears it.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
setImmediate(() => {
  console.log('before enterWith:', als.getStore());
  als.enterWith({ user: 'ada' });
  console.log('after enterWith:', als.getStore().user);
  setTimeout(() => {
    console.log('timer scheduled after enterWith:', als.getStore().user);
    exitAndDisable();
  }, 1);
});
setImmediate(() => console.log('next immediate is not affected:', als.getStore()));

function exitAndDisable() {
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
}
