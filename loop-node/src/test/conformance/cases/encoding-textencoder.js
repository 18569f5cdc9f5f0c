// TextEncoder encodes UTF-8 (lone surrogates -> EF BF BD); encodeInto reports read UTF-16 units and written bytes.
const enc = new TextEncoder();
console.log(enc.encoding);
const u = enc.encode('a€😀');
console.log(u.constructor.name, u.length, Buffer.from(u).toString('hex'));
console.log(Buffer.from(enc.encode('\ud800x')).toString('hex'));
console.log(enc.encode().length);
const dest = new Uint8Array(5);
console.log(enc.encodeInto('a€😀', dest), Buffer.from(dest).toString('hex'));
