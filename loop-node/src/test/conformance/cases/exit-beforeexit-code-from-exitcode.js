// 'beforeExit' receives process.exitCode; the final code is the exitCode at that point.
process.exitCode = 2;
process.on('beforeExit', (code) => console.log('beforeExit', code));
process.on('exit', (code) => console.log('exit', code));
