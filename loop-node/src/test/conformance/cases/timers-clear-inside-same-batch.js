// clearTimeout from a timer callback cancels another timer that was already due in the same timers phase.
let t2;
setTimeout(() => {
  console.log('t1 clears t2');
  clearTimeout(t2);
}, 5);
t2 = setTimeout(() => console.log('t2 (must not run)'), 10);
setTimeout(() => console.log('t3 still runs'), 15);
const until = Date.now() + 40;
while (Date.now() < until);
