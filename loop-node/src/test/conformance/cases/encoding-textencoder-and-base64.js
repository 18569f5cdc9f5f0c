// TextEncoder encode/encodeInto (lone surrogates become U+FFFD) and btoa/atob with InvalidCharacterError for non-latin1 input.
{
  const enc = new TextEncoder();
  console.log(enc.encoding);
  const u = enc.encode('a€😀');
  console.log(u.constructor.name, u.length, Buffer.from(u).toString('hex'));
  console.log(Buffer.from(enc.encode('\ud800x')).toString('hex'));
  console.log(enc.encode().length);
  const dest = new Uint8Array(5);
  console.log(enc.encodeInto('a€😀', dest), Buffer.from(dest).toString('hex'));
}
{
  console.log(btoa('hello'), atob('aGVsbG8='));
  console.log(btoa('\u00ff\u00fe'), JSON.stringify(atob('//4=')));
  console.log('atob ignores whitespace:', atob(' aGVs bG8= '));
  try { btoa('€'); } catch (e) { console.log(e.name, e instanceof DOMException); }
  try { atob('a'); } catch (e) { console.log(e.name); }
  console.log(typeof btoa, typeof atob);
}
