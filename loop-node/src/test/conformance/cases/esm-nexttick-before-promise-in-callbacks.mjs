// Inside ES module callbacks (here a timer), the usual order holds again: nextTick before promise jobs.
setTimeout(() => {
  Promise.resolve().then(() => console.log('promise'));
  process.nextTick(() => console.log('nextTick'));
  console.log('timer');
}, 1);
