// Everything written to stdout before process.exit() is flushed, even a lot of it.
for (let i = 1; i <= 3000; i++) console.log('line ' + i + ' ' + 'x'.repeat(40));
process.stdout.write('last write without newline');
process.exit(0);
