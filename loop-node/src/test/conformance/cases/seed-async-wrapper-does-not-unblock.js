// Seed "The Event Loop with async/await": wrapping a synchronous call in an async function does not take it off the loop.
// Adapted: fs.readFileSync -> crypto.pbkdf2Sync (loopd has no fs). The sync work runs before the caller's next line.
const crypto = require('crypto');
const order = [];
const readSync = async (pw) => {
  order.push('wrapper starts synchronously');
  const data = await crypto.pbkdf2Sync(pw, 'salt', 1000, 16, 'sha256'); // computed before the await yields
  order.push('after await');
  return data;
};
readSync('pw').then((data) => {
  console.log(order.join(' -> '));
  console.log('data:', data.toString('hex'));
});
order.push('The event loop continues without blocking...');
