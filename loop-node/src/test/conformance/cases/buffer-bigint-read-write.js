// 64-bit reads and writes use BigInt.
const b = Buffer.alloc(16);
b.writeBigUInt64LE(0x0102030405060708n, 0);
b.writeBigInt64BE(-2n, 8);
console.log(b.toString('hex'));
console.log(b.readBigUInt64LE(0), b.readBigUInt64BE(0), b.readBigInt64BE(8), b.readBigUInt64BE(8));
console.log(typeof b.readBigUInt64LE(0));
try { b.writeBigUInt64LE(-1n); } catch (e) { console.log(e.name, e.code); }
