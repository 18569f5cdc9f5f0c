// enterWith sets the store for the rest of the current synchronous execution and for what it schedules.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
setImmediate(() => {
  console.log('before enterWith:', als.getStore());
  als.enterWith({ user: 'ada' });
  console.log('after enterWith:', als.getStore().user);
  setTimeout(() => console.log('timer scheduled after enterWith:', als.getStore().user), 1);
});
setImmediate(() => console.log('next immediate is not affected:', als.getStore()));
