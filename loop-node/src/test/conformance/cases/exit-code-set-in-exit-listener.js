// Setting process.exitCode inside an 'exit' listener changes the final exit code.
process.on('exit', (code) => {
  console.log('exit listener sees', code);
  process.exitCode = 9;
});
console.log('main');
