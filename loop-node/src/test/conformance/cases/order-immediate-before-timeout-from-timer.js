// Scheduled from a timer callback, setImmediate (check phase, same iteration) runs before setTimeout(0) (next iteration's timers phase).
setTimeout(() => {
  setTimeout(() => console.log('timeout from timer'), 0);
  setImmediate(() => console.log('immediate from timer'));
  console.log('timer');
}, 1);
