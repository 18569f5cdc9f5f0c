// 'beforeExit' is not emitted when the process ends through process.exit().
process.on('beforeExit', () => console.log('beforeExit (must not happen)'));
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => { console.log('calling process.exit()'); process.exit(); }, 1);
