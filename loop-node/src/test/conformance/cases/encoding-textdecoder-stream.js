// TextDecoder with { stream: true } keeps a partial multi-byte sequence across chunks.
const bytes = Buffer.from('€😀', 'utf8');
const d = new TextDecoder();
let out = '';
for (let i = 0; i < bytes.length; i++) {
  out += d.decode(bytes.subarray(i, i + 1), { stream: true });
}
out += d.decode();
console.log(out, out === '€😀');
const d2 = new TextDecoder();
console.log(JSON.stringify(d2.decode(bytes.subarray(0, 2), { stream: true })), JSON.stringify(d2.decode()));
console.log('without stream:', JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 2))));
const ab = new TextEncoder().encode('from ArrayBuffer').buffer;
console.log(new TextDecoder().decode(ab), '|', new TextDecoder().decode(new DataView(ab, 5, 11)));
