// concat copies; slice and subarray share memory with the parent (negative indexes count from the end); Buffer.from(buffer) copies.
const a = Buffer.from('hello ');
const b = Buffer.from('world');
const c = Buffer.concat([a, b]);
console.log(c.toString(), c.length);
console.log('concat with totalLength:', Buffer.concat([a, b], 8).toString());
const sub = c.subarray(6);
const sl = c.slice(-5, -2);
sub[0] = 0x57;
console.log(c.toString(), '|', sl.toString(), '| subarray shares memory');
const copy = Buffer.from(c);
copy[0] = 0x48;
console.log(c.toString(), '|', copy.toString(), '| Buffer.from copies');
console.log('same ArrayBuffer:', sub.buffer === c.buffer, 'byteOffset diff:', sub.byteOffset - c.byteOffset);
