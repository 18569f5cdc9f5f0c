// CPU-bound: JSON round trips of a medium object.
const { bench } = require('./_harness');
const doc = { users: Array.from({ length: 200 }, (_, i) => ({ id: i, name: 'user' + i, tags: ['a', 'b', 'c'], score: i * 1.5, active: i % 2 === 0 })) };
bench('cpu-json', 20, () => { for (let i = 0; i < 20; i++) JSON.parse(JSON.stringify(doc)); });
