// btoa/atob convert between latin1 strings and base64; characters above U+00FF throw an InvalidCharacterError DOMException.
console.log(btoa('hello'), atob('aGVsbG8='));
console.log(btoa('\u00ff\u00fe'), JSON.stringify(atob('//4=')));
console.log('atob ignores whitespace:', atob(' aGVs bG8= '));
try { btoa('€'); } catch (e) { console.log(e.name, e instanceof DOMException); }
try { atob('a'); } catch (e) { console.log(e.name); }
console.log(typeof btoa, typeof atob);
