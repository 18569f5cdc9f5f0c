// A promise chain started in one timer callback completes entirely before the next due timer runs.
setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('  timer 1 job 1')).then(() => console.log('  timer 1 job 2'));
}, 2);
setTimeout(() => console.log('timer 2'), 2);
const until = Date.now() + 20;
while (Date.now() < until);
