// Typed reads/writes with explicit endianness; write methods return the next offset.
const b = Buffer.alloc(16);
console.log('writeUInt32BE returns', b.writeUInt32BE(0xdeadbeef, 0));
console.log('writeInt16LE returns', b.writeInt16LE(-2, 4));
b.writeUInt8(255, 6);
b.writeInt8(-128, 7);
b.writeDoubleLE(1.5, 8);
console.log(b.toString('hex'));
console.log(b.readUInt32BE(0).toString(16), b.readUInt32LE(0).toString(16), b.readInt32BE(0));
console.log(b.readInt16LE(4), b.readUInt16LE(4), b.readUInt8(6), b.readInt8(7));
console.log(b.readDoubleLE(8));
const f = Buffer.alloc(4);
f.writeFloatBE(0.1);
console.log('float32 0.1 ->', f.readFloatBE(0), f.toString('hex'));
const v = Buffer.alloc(6);
v.writeUIntBE(0x123456789abc, 0, 6);
console.log(v.toString('hex'), v.readUIntLE(0, 6).toString(16), v.readIntBE(0, 3));
