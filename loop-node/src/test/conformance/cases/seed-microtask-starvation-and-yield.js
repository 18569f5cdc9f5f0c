// Seed "Microtask Queue Starvation": awaiting resolved promises does NOT yield to timers; only a macrotask (setImmediate) does.
let timerRan = false;
setTimeout(() => { timerRan = true; }, 0);
// Let the 0 ms timer become due.
const until = Date.now() + 5;
while (Date.now() < until);

async function yieldWithPromises() {
  for (let i = 0; i < 1000; i++) {
    await Promise.resolve(); // the article claims this "allows event loop to process I/O": it does not
  }
  console.log('after 1000 awaits of Promise.resolve(), timer ran:', timerRan);
}
async function yieldWithImmediate() {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('after awaiting setImmediate, timer ran:', timerRan);
}
yieldWithPromises().then(yieldWithImmediate);
