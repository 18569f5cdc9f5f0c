// Calling process.exit(n) inside an 'exit' listener ends with that code and skips the remaining listeners.
process.on('exit', (code) => { console.log('listener 1 sees', code); process.exit(6); });
process.on('exit', () => console.log('listener 2 (never)'));
setTimeout(() => process.exit(2), 1);
