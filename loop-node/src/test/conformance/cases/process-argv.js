// process.argv holds [execPath, script, ...args]; extra arguments follow the script.
// args: alpha --beta=2 "gamma delta"
console.log('length:', process.argv.length);
console.log('args:', JSON.stringify(process.argv.slice(2)));
console.log('argv[1] ends with script name:', process.argv[1].endsWith('/process-argv.js'));
console.log('argv[1] is absolute:', process.argv[1].startsWith('/'));
console.log('types:', process.argv.every((a) => typeof a === 'string'));
