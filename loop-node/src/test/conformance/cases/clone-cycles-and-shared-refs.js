// structuredClone keeps cycles and shared references inside the cloned graph.
const a = { name: 'a' };
a.self = a;
const shared = { s: 1 };
const root = { a, list: [shared, shared] };
const c = structuredClone(root);
console.log('cycle:', c.a.self === c.a, c.a !== a);
console.log('shared:', c.list[0] === c.list[1], c.list[0] !== shared);
console.log(c);
