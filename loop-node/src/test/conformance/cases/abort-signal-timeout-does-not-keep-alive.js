// AbortSignal.timeout's timer is unref'd: alone it does not keep the process alive, so its abort event never fires.
const s = AbortSignal.timeout(50);
s.addEventListener('abort', () => console.log('never printed'));
process.on('exit', () => console.log('exit; aborted:', s.aborted));
