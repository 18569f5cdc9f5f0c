// The check phase runs a snapshot: an immediate scheduled by an immediate runs in the next check phase, after the current batch.
setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('C (scheduled by A)'));
});
setImmediate(() => console.log('B'));
