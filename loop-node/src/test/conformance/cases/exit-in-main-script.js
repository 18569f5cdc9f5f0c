// process.exit(7) in the main script stops it immediately with code 7; scheduled work never runs.
console.log('before');
setTimeout(() => console.log('timer (never)'), 0);
process.nextTick(() => console.log('nextTick (never)'));
process.exit(7);
console.log('after (never)');
