// An uncaught exception in a pool (crypto.pbkdf2) callback exits 1; the 'exit' listener sees code 1.
// stderr-includes: Error: pool callback boom
process.on('exit', (code) => console.log('exit', code));
require('crypto').pbkdf2('pw', 'salt', 1, 16, 'sha256', () => {
  console.log('callback ran');
  throw new Error('pool callback boom');
});
