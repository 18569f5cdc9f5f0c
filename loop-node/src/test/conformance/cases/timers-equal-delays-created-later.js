// Equal delays keep creation order (also across a promise job); a timer created 20 ms later with the same delay runs after, even behind a shorter one created with it.
Promise.resolve().then(() => setTimeout(() => console.log('A2: 10 ms, created in a promise job'), 10));
setTimeout(() => console.log('A1: 10 ms, created in the main script'), 10);
setImmediate(() => {
  const until = Date.now() + 20;
  while (Date.now() < until);
  setTimeout(() => console.log('B: 10 ms, created 20 ms later'), 10);
  setTimeout(() => console.log('C: 1 ms, created 20 ms later'), 1);
});
