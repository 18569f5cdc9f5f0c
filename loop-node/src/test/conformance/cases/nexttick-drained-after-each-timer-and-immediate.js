// The nextTick and promise queues drain after EVERY timer and every immediate, not once per phase.
{
  for (const name of ['A', 'B']) {
    setTimeout(() => {
      console.log('timeout ' + name);
      process.nextTick(() => console.log('  nextTick ' + name));
      Promise.resolve().then(() => console.log('  promise ' + name));
    }, 5);
  }
  // Both timers are due in the same timers phase.
  const until = Date.now() + 20;
  while (Date.now() < until);
}
{
  for (const name of ['A', 'B', 'C']) {
    setImmediate(() => {
      console.log('immediate ' + name);
      process.nextTick(() => console.log('  nextTick ' + name));
      Promise.resolve().then(() => console.log('  promise ' + name));
    });
  }
}
