// Delays that are < 1, NaN, negative, undefined or not numeric all become 1 ms, so these timers run in creation order.
const log = (s) => () => console.log(s);
setTimeout(log('delay 0'), 0);
setTimeout(log('delay 0.5'), 0.5);
setTimeout(log('delay -10'), -10);
setTimeout(log('delay NaN'), NaN);
setTimeout(log('delay undefined'));
setTimeout(log('delay "abc"'), 'abc');
setTimeout(log('delay null'), null);
setTimeout(log('delay 1'), 1);
setTimeout(log('delay 30 (last)'), 30);
