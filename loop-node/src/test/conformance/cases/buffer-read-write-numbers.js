// Typed number reads and writes with explicit endianness, 64-bit BigInt variants, and RangeErrors for out-of-range offsets and values.
{
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
}
{
  const b = Buffer.alloc(16);
  b.writeBigUInt64LE(0x0102030405060708n, 0);
  b.writeBigInt64BE(-2n, 8);
  console.log(b.toString('hex'));
  console.log(b.readBigUInt64LE(0), b.readBigUInt64BE(0), b.readBigInt64BE(8), b.readBigUInt64BE(8));
  console.log(typeof b.readBigUInt64LE(0));
  try { b.writeBigUInt64LE(-1n); } catch (e) { console.log(e.name, e.code); }
}
{
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
}
