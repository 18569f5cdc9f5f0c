// abort(reason) keeps any reason value; AbortSignal.abort(reason) is already aborted; throwIfAborted throws the reason.
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
