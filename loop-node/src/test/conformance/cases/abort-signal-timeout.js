// AbortSignal.timeout(ms) aborts after ms with a TimeoutError DOMException; a later timer sees it aborted.
const start = Date.now();
const s = AbortSignal.timeout(20);
console.log('aborted at first:', s.aborted);
s.addEventListener('abort', () => {
  console.log('abort event, waited at least 20 ms:', Date.now() - start >= 19);
});
setTimeout(() => {
  console.log('aborted later:', s.aborted, s.reason.name, s.reason.code);
}, 100);
