// console.log shows <Buffer ..> with at most 50 bytes; JSON.stringify gives {type:'Buffer',data:[..]}; toJSON round-trips.
console.log(Buffer.from('hi'));
console.log(Buffer.alloc(0));
console.log(Buffer.from('x'.repeat(60)));
console.log([Buffer.from('a')], { buf: Buffer.from([1, 2]) });
const json = JSON.stringify(Buffer.from('hi'));
console.log(json);
console.log(Buffer.from(JSON.parse(json).data).toString());
console.log(JSON.stringify({ b: Buffer.from([0, 255]) }));
