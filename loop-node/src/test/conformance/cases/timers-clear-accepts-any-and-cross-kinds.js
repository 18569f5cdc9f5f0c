// clearTimeout and clearInterval are interchangeable; clearing undefined, null, numbers or cleared timers is a no-op.
const t = setTimeout(() => console.log('timeout (must not run)'), 5);
clearInterval(t);
const iv = setInterval(() => console.log('interval (must not run)'), 5);
clearTimeout(iv);
clearTimeout(undefined);
clearTimeout(null);
clearTimeout(12345);
clearTimeout('nope');
clearTimeout(t);
setTimeout(() => console.log('done'), 20);
