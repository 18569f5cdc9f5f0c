// An unref'd immediate still runs if something else keeps the loop alive.
setImmediate(() => console.log('unref immediate ran')).unref();
setTimeout(() => console.log('timer keeps the loop alive'), 20);
