// Basic process properties have the expected types (values are not printed: they differ between machines).
console.log('platform is a string:', typeof process.platform === 'string');
console.log('version starts with v:', process.version.startsWith('v'));
console.log('versions.node is a string:', typeof process.versions.node === 'string');
console.log('pid is a positive integer:', Number.isInteger(process.pid) && process.pid > 0);
console.log('process is an EventEmitter:', process instanceof require('events'));
console.log('exitCode initially:', process.exitCode);
console.log('nextTick is a function:', typeof process.nextTick);
console.log('toString tag:', Object.prototype.toString.call(process));
console.log('globalThis.process === require("process"):', globalThis.process === require('process'));
console.log('node:process too:', require('node:process') === process);
