// process.exit() without an argument uses process.exitCode; an explicit argument wins and updates process.exitCode.
process.on('exit', (code) => console.log('exit listener code', code, 'exitCode', process.exitCode));
process.exitCode = 3;
setTimeout(() => process.exit(), 1);
