// Two 10 ms timers, the second created 20 ms later in another callback: the earlier expiry runs first, even with a shorter delay created later.
setTimeout(() => console.log('A: 10 ms, created first'), 10);
setImmediate(() => {
  const until = Date.now() + 20;
  while (Date.now() < until);
  setTimeout(() => console.log('B: 10 ms, created 20 ms later'), 10);
  setTimeout(() => console.log('C: 1 ms, created 20 ms later'), 1);
});
