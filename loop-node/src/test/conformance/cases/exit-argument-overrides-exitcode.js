// An explicit process.exit(4) overrides an earlier process.exitCode = 3.
process.on('exit', (code) => console.log('exit listener code', code, 'exitCode', process.exitCode));
process.exitCode = 3;
setImmediate(() => process.exit(4));
