// The nextTick and promise queues drain after EVERY immediate, not once per check phase.
for (const name of ['A', 'B', 'C']) {
  setImmediate(() => {
    console.log('immediate ' + name);
    process.nextTick(() => console.log('  nextTick ' + name));
    Promise.resolve().then(() => console.log('  promise ' + name));
  });
}
