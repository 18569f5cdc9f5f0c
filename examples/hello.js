// The event loop's order, as the Node.js articles teach it: run with `bin/loop-node run
// examples/hello.js` and with `node examples/hello.js`: the same lines, in the same order (5 and 6 may swap: from the main
// module their order depends on how soon the loop starts, in node too).
const crypto = require('node:crypto');

console.log('1. synchronous code runs first');
setTimeout(() => console.log('5. timers phase: setTimeout(0)'), 0);
setImmediate(() => console.log('6. check phase: setImmediate'));
Promise.resolve().then(() => console.log('3. promise jobs, after the nextTick queue'));
process.nextTick(() => console.log('2. process.nextTick, before any promise job'));
console.log('1. still synchronous');

setTimeout(() => {
  // Inside an I/O callback (the pool's completion runs in the poll phase), setImmediate always
  // beats setTimeout(0): the check phase comes right after poll.
  crypto.pbkdf2('secret', 'salt', 1000, 32, 'sha256', (err, key) => {
    console.log(`7. poll phase: pbkdf2 finished on the blocking pool (${key.length} bytes)`);
    setTimeout(() => console.log('9. timers phase of the next iteration'), 0);
    setImmediate(() => console.log('8. check phase of this iteration'));
  });
}, 10);
process.on('exit', (code) => console.log(`10. 'exit' with code ${code}`));
