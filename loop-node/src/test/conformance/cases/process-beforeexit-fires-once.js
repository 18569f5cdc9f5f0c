// 'beforeExit' fires when the loop has no more work, with process.exitCode as argument; with no new work it fires once, then 'exit'.
let n = 0;
process.on('beforeExit', (code) => { n++; console.log('beforeExit', n, 'code', code); });
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('timer'), 1);
