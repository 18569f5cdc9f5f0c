// A nextTick queued by an immediate runs before the next immediate of the same batch; an immediate queued by that tick waits for the next check phase.
setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => {
    console.log('tick from 1');
    setImmediate(() => console.log('immediate 3 (from tick)'));
  });
});
setImmediate(() => console.log('immediate 2'));
