// The timers phase runs every due timer before the loop moves on: immediates scheduled by those timers run after all of them.
for (const name of ['A', 'B', 'C']) {
  setTimeout(() => {
    console.log('timer ' + name);
    setImmediate(() => console.log('immediate from ' + name));
  }, 2);
}
const until = Date.now() + 20;
while (Date.now() < until);
