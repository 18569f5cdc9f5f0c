// timers/promises setTimeout with { ref: false } does not keep the process alive.
const { setTimeout: sleep } = require('timers/promises');
sleep(200, null, { ref: false }).then(() => console.log('must not print'));
process.on('exit', (code) => console.log('exited', code, 'without waiting'));
