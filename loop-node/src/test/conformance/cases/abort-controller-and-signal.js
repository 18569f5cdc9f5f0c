// AbortController/AbortSignal: aborted flag, default and custom reasons, 'abort' listeners in order inside abort(), throwIfAborted, AbortSignal.abort and AbortSignal.any.
{
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
}
{
  const ac = new AbortController();
  ac.abort(new Error('custom reason'));
  console.log(ac.signal.reason.message);
  try { ac.signal.throwIfAborted(); } catch (e) { console.log('throwIfAborted threw:', e.message); }
  const s = AbortSignal.abort('just a string');
  console.log(s.aborted, s.reason);
  try { s.throwIfAborted(); } catch (e) { console.log('threw:', e); }
  const fresh = new AbortController().signal;
  fresh.throwIfAborted();
  console.log('not aborted: throwIfAborted does nothing');
  const d = AbortSignal.abort();
  console.log(d.reason.name);
}
{
  const ac = new AbortController();
  const log = [];
  const removed = () => log.push('removed (never)');
  ac.signal.addEventListener('abort', () => log.push('first'));
  ac.signal.addEventListener('abort', removed);
  ac.signal.addEventListener('abort', () => log.push('once'), { once: true });
  ac.signal.addEventListener('abort', () => log.push('last'));
  ac.signal.removeEventListener('abort', removed);
  log.push('before abort');
  ac.abort();
  log.push('after abort');
  console.log(log.join('\n'));
}
{
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
}
