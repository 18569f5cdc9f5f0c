// structuredClone copies typed arrays and ArrayBuffers; two views of one buffer still share one (new) buffer; a Buffer becomes a Uint8Array.
const ab = new ArrayBuffer(8);
const u8 = new Uint8Array(ab);
const u16 = new Uint16Array(ab, 2, 2);
u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
const c = structuredClone({ u8, u16, ab, f64: new Float64Array([1.5, -2]) });
console.log(c.u8, c.u16, c.f64);
console.log('shared buffer preserved:', c.u8.buffer === c.u16.buffer, c.u8.buffer === c.ab, c.ab !== ab);
c.u8[2] = 0xff;
console.log('original untouched:', u8[2], 'clone view sees write:', c.u16[0].toString(16));
const b = structuredClone(Buffer.from('hi'));
console.log(b.constructor.name, b);
