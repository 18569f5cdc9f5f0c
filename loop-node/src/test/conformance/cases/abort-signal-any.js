// AbortSignal.any follows the first of its signals to abort, with that signal's reason; already-aborted inputs abort it at once.
const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
any.addEventListener('abort', () => console.log('any aborted with', any.reason));
console.log('before:', any.aborted);
b.abort('b first');
a.abort('a second');
console.log('reason stays:', any.reason);
const pre = AbortSignal.any([new AbortController().signal, AbortSignal.abort('pre')]);
console.log('pre-aborted:', pre.aborted, pre.reason);
