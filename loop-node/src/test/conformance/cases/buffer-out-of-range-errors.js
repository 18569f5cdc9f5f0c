// Reading or writing outside the buffer or value range throws RangeError with code ERR_OUT_OF_RANGE or ERR_BUFFER_OUT_OF_BOUNDS.
const b = Buffer.alloc(4);
const tries = [
  () => b.readUInt32LE(1),
  () => b.readUInt8(4),
  () => b.writeUInt8(256, 0),
  () => b.writeInt16BE(40000, 0),
  () => b.readUInt8(-1),
];
for (const t of tries) {
  try { t(); console.log('no error'); } catch (e) { console.log(e.name, e.code); }
}
