// Delays < 1, NaN, negative, undefined, null or non-numeric become 1 ms (so these run in creation order); numeric strings are coerced.
const log = (s) => () => console.log(s);
setTimeout(log('delay 0'), 0);
setTimeout(log('delay 0.5'), 0.5);
setTimeout(log('delay -10'), -10);
setTimeout(log('delay NaN'), NaN);
setTimeout(log('delay undefined'));
setTimeout(log('delay "abc"'), 'abc');
setTimeout(log('delay null'), null);
setTimeout(log('delay 1'), 1);
setTimeout(log("delay '40'"), '40');
setTimeout(log('delay 20'), 20);
setTimeout(log("delay '5'"), '5');
