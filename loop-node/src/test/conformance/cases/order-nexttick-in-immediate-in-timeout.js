// Nesting: nextTick inside setImmediate inside setTimeout; each callback's ticks and promises run before the next callback.
setTimeout(() => {
  console.log('timeout');
  setImmediate(() => {
    console.log('immediate');
    process.nextTick(() => console.log('nextTick in immediate'));
    Promise.resolve().then(() => console.log('promise in immediate'));
  });
  setImmediate(() => console.log('second immediate'));
  process.nextTick(() => console.log('nextTick in timeout'));
}, 1);
