// 'exit' listeners run in registration order with the exit code after the loop empties; exitCode set earlier becomes the code.
process.on('exit', (code) => console.log('exit listener 1, code', code));
process.on('exit', (code) => console.log('exit listener 2, code', code, 'exitCode', process.exitCode));
setTimeout(() => {
  process.exitCode = 3;
  console.log('set exitCode = 3');
}, 1);
