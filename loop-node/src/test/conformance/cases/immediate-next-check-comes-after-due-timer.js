// An immediate scheduled by an immediate waits a whole loop iteration: a timer that came due meanwhile runs first.
setImmediate(() => {
  console.log('immediate A');
  setTimeout(() => console.log('timeout'), 1);
  setImmediate(() => console.log('immediate C (next check phase)'));
  const until = Date.now() + 10;
  while (Date.now() < until);
});
setImmediate(() => console.log('immediate B'));
