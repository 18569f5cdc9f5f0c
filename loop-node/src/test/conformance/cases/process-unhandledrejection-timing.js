// Unhandled rejections are reported after the nextTick and microtask queues drain, before timers; a catch added in that window prevents it.
process.on('unhandledRejection', (reason) => console.log('unhandledRejection:', reason));
const late = Promise.reject('caught in nextTick');
process.nextTick(() => late.catch(() => console.log('late catch handler')));
const later = Promise.reject('caught in promise job');
Promise.resolve().then(() => later.catch(() => {}));
Promise.reject('really unhandled');
setTimeout(() => console.log('timer'), 0);
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise job'));
