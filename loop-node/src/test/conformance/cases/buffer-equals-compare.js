// equals, compare (instance and static), and sorting buffers.
const x = Buffer.from('abc');
console.log(x.equals(Buffer.from('abc')), x.equals(Buffer.from('abd')));
console.log(x.compare(Buffer.from('abd')), x.compare(Buffer.from('abc')), x.compare(Buffer.from('ab')));
console.log(Buffer.compare(Buffer.from([2]), Buffer.from([1])));
const list = [Buffer.from('b'), Buffer.from('aa'), Buffer.from('a'), Buffer.from('ab')];
console.log(list.sort(Buffer.compare).map(String).join(','));
console.log('compare ranges:', x.compare(Buffer.from('zbc'), 1, 3, 1, 3));
