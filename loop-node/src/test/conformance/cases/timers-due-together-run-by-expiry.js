// When the loop was blocked so several timers are due at once, they still run in expiry order, not delay-list order.
setTimeout(() => console.log('30 ms timer'), 30);
setTimeout(() => console.log('10 ms timer'), 10);
setTimeout(() => console.log('20 ms timer'), 20);
const until = Date.now() + 80;
while (Date.now() < until);
