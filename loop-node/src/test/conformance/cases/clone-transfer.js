// structuredClone with transfer moves an ArrayBuffer: the original becomes detached (byteLength 0).
const ab = new Uint8Array([1, 2, 3]).buffer;
const moved = structuredClone(ab, { transfer: [ab] });
console.log('original byteLength:', ab.byteLength, 'moved:', new Uint8Array(moved));
