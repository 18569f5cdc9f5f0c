// Two timers with the same delay: the first one's nextTick and promise run before the second timer.
for (const name of ['A', 'B']) {
  setTimeout(() => {
    console.log('timeout ' + name);
    process.nextTick(() => console.log('  nextTick ' + name));
    Promise.resolve().then(() => console.log('  promise ' + name));
  }, 5);
}
// Both timers are due in the same timers phase.
const until = Date.now() + 20;
while (Date.now() < until);
