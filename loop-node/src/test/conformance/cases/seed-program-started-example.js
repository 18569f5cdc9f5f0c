// Seed "How It Actually Works": sync lines first, the 0 ms timer before the I/O callback, which comes last.
// Adapted: fs.readFile -> a ~50 ms crypto.pbkdf2 job on the thread pool (loopd has no fs). The article's
// claim that "Immediate callback" prints before "Timeout completed" is nondeterministic in node's main module,
// so both are only recorded, and the I/O callback reports what ran before it.
const crypto = require('crypto');
const events = [];
console.log('Program started');
// 1. Synchronous operation
const config = { port: 3000 };
console.log('Config loaded:', config);
// 2. Asynchronous "file" read on the thread pool
crypto.pbkdf2('file', 'contents', 100000, 64, 'sha512', (err, data) => {
  console.log('File content:', data.length, 'bytes');
  console.log('timeout ran before the I/O callback:', events.includes('timeout'));
});
// 3. Timer
setTimeout(() => { events.push('timeout'); }, 0);
// 4. setImmediate
setImmediate(() => { events.push('immediate'); });
process.on('exit', () => console.log('immediate ran:', events.includes('immediate')));
console.log('Program ended');
