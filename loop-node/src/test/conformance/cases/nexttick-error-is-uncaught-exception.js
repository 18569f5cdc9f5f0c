// An error thrown in a nextTick callback goes to 'uncaughtException'; the remaining ticks and promise jobs still run, before the check phase.
process.on('uncaughtException', (err, origin) => console.log('caught:', err.message, origin));
process.nextTick(() => { throw new Error('tick boom'); });
process.nextTick(() => console.log('next tick still runs'));
Promise.resolve().then(() => console.log('promise still runs'));
setImmediate(() => console.log('immediate'));
