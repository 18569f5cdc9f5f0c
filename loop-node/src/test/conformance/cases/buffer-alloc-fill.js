// alloc zero-fills or fills with a value/string; fill() supports ranges and multi-byte patterns; allocUnsafe has the right length.
console.log(Buffer.alloc(4));
console.log(Buffer.alloc(5, 'ab'));
console.log(Buffer.alloc(3, 257));
console.log(Buffer.alloc(4).fill(0xff, 1, 3));
console.log(Buffer.alloc(6).fill('€'));
console.log(Buffer.allocUnsafe(10).length, Buffer.allocUnsafeSlow(3).length);
console.log(Buffer.from([1, 2, 3, 256, -1, 3.7]));
console.log(Buffer.from(new Uint16Array([1, 0x0102]).buffer));
console.log('Buffer.alloc(0):', Buffer.alloc(0));
