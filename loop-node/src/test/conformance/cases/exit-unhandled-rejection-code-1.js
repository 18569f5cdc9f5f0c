// An unhandled rejection without listeners ends the process with code 1 before any timer runs, the error on stderr.
// stderr-includes: Error: nope
process.on('exit', (code) => console.log('exit listener code', code));
console.log('before');
Promise.reject(new Error('nope'));
process.nextTick(() => console.log('nextTick still runs first'));
setTimeout(() => console.log('timer (never)'), 0);
