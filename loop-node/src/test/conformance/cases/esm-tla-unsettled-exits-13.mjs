// A top-level await that can never settle (nothing keeps the loop alive) ends the process with exit code 13 (node 20 prints no warning).
process.on('exit', (code) => console.log('exit listener code', code));
console.log('before await');
await new Promise(() => {});
console.log('never printed');
