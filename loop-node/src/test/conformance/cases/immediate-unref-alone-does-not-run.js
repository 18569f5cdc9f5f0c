// An unref'd immediate alone does not keep the process alive: the process exits without running it.
setImmediate(() => console.log('must not run')).unref();
process.on('exit', (code) => console.log('exit', code));
console.log('main done');
