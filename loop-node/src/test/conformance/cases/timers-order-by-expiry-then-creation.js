// Timers run by expiry time and, for equal expiry, in creation order; also when the loop was blocked so that all are due at once.
setTimeout(() => console.log('A 60ms'), 60);
setTimeout(() => console.log('B 20ms'), 20);
setTimeout(() => console.log('C 20ms'), 20);
setTimeout(() => console.log('D 40ms'), 40);
setTimeout(() => console.log('E 0ms'), 0);
setTimeout(() => console.log('F 20ms'), 20);
setTimeout(() => {
  console.log('-- blocked: three timers due together');
  setTimeout(() => console.log('30 ms timer'), 30);
  setTimeout(() => console.log('10 ms timer'), 10);
  setTimeout(() => console.log('20 ms timer'), 20);
  const until = Date.now() + 80;
  while (Date.now() < until);
}, 100);
