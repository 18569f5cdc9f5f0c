// AbortController.abort() sets signal.aborted, a default AbortError reason, fires 'abort' once (listener, then onabort order by registration).
const ac = new AbortController();
const { signal } = ac;
console.log('aborted before:', signal.aborted, 'reason:', signal.reason);
signal.addEventListener('abort', (e) => console.log('listener: type', e.type, 'target is signal', e.target === signal));
signal.onabort = () => console.log('onabort');
ac.abort();
console.log('aborted after:', signal.aborted);
console.log('reason:', signal.reason.name, signal.reason instanceof DOMException, signal.reason.code, signal.reason.message);
ac.abort();
console.log('second abort fires nothing');
console.log(signal instanceof EventTarget, signal instanceof AbortSignal);
