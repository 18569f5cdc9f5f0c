// From a check callback, a timer that is due by the next iteration runs before immediates scheduled in that check callback.
setImmediate(() => {
  console.log('immediate 1');
  setImmediate(() => console.log('immediate 2 (next check phase)'));
  setTimeout(() => console.log('timeout (next timers phase)'), 0);
  const until = Date.now() + 10;
  while (Date.now() < until);
});
