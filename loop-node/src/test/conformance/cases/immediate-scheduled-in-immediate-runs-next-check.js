// The check phase runs a snapshot: immediates scheduled by an immediate, or by a nextTick queued in one, run in the next check phase.
setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('D (scheduled by A)'));
  process.nextTick(() => {
    console.log('tick from A');
    setImmediate(() => console.log('E (scheduled by the tick from A)'));
  });
});
setImmediate(() => console.log('B'));
setImmediate(() => console.log('C'));
