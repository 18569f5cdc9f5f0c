// When a timer throws and 'uncaughtException' handles it, the next due timer runs before the thrower's nextTick (no drain in between).
process.on('uncaughtException', (err) => console.log('caught:', err.message));
setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('nextTick from timer 1'));
  throw new Error('timer boom');
}, 2);
setTimeout(() => console.log('timer 2'), 2);
const until = Date.now() + 20;
while (Date.now() < until);
