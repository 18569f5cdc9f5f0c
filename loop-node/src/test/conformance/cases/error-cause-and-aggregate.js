// Error options { cause } and AggregateError keep their parts (message, cause, errors).
const inner = new Error('inner');
const outer = new Error('outer', { cause: inner });
console.log(outer.message, '<-', outer.cause.message, outer.cause === inner);
const agg = new AggregateError([new Error('a'), new TypeError('b')], 'many');
console.log(agg.name, agg.message, agg.errors.map((e) => e.name + ':' + e.message).join(','));
console.log('no cause:', 'cause' in new Error('x'));
