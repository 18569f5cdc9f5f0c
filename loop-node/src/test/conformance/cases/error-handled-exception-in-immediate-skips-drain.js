// When an immediate throws and 'uncaughtException' handles it, the next immediate runs before the thrower's nextTick and promise jobs.
process.on('uncaughtException', (err) => console.log('caught:', err.message));
setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('nextTick from immediate 1'));
  Promise.resolve().then(() => console.log('promise from immediate 1'));
  throw new Error('immediate boom');
});
setImmediate(() => console.log('immediate 2'));
