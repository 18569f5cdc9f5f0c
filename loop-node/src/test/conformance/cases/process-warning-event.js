// process.emitWarning writes to stderr and emits 'warning' asynchronously (after the current synchronous code).
// stderr-includes: Warning: be careful
// stderr-includes: CustomWarning: custom one
process.on('warning', (w) => console.log('warning event:', w.name, '|', w.message));
process.emitWarning('be careful');
process.emitWarning('custom one', 'CustomWarning');
console.log('sync after emitWarning');
