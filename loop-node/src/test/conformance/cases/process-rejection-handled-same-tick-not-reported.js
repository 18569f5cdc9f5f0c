// A rejection whose handler is attached later in the same synchronous run is not reported.
const p = Promise.reject(new Error('handled in time'));
console.log('attaching handler later in the same script');
p.catch((e) => console.log('caught:', e.message));
process.on('exit', (code) => console.log('exit code', code));
