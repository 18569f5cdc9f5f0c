// console.log of arrays: numbers grouped in aligned columns, more than 100 items truncated, sparse holes, extra props; typed arrays, ArrayBuffer and DataView.
{
  console.log([1, 2, 3]);
  console.log(Array.from({ length: 26 }, (_, i) => i * 3));
  console.log(Array.from({ length: 120 }, (_, i) => i));
  console.log(Array.from({ length: 10 }, (_, i) => 'item-' + i));
  console.log(Array.from({ length: 30 }, (_, i) => 'x'.repeat(i % 7)));
  const sparse = [1, , 3];
  sparse[7] = 8;
  console.log(sparse, new Array(5), [, ,]);
  const withProps = [1, 2];
  withProps.extra = 'yes';
  console.log(withProps);
  console.log([[]], [[[[1]]]], [{}, []]);
  console.log(Array.from({ length: 8 }, (_, i) => ({ id: i })));
}
{
  console.log(new Uint8Array([1, 2, 3]), new Int16Array(2), new Float32Array([0.5, -1]));
  console.log(new BigInt64Array([1n, -1n]), new Uint8ClampedArray([300]));
  console.log(new ArrayBuffer(4));
  console.log(new Uint8Array([255, 0, 16]).buffer);
  console.log(new DataView(new ArrayBuffer(2)));
  console.log(new Uint8Array(200));
  console.log(new SharedArrayBuffer(2));
}
