// An uncaught exception in a timer ends the process with code 1 and the error on stderr; 'exit' listeners see code 1; later work is dropped.
// stderr-includes: Error: boom in timer
process.on('exit', (code) => console.log('exit listener code', code));
setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('promise (never)'));
  throw new Error('boom in timer');
}, 1);
setTimeout(() => console.log('timer 2 (never)'), 30);
