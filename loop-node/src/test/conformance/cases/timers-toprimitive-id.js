// A Timeout converts to a number (Symbol.toPrimitive) that clearTimeout accepts; the id is stable and distinct per timer.
const a = setTimeout(() => console.log('a (must not run)'), 10);
const b = setTimeout(() => console.log('b runs'), 10);
const idA = +a;
console.log('typeof +timeout:', typeof idA);
console.log('integer:', Number.isInteger(idA));
console.log('stable:', +a === idA, `${a}` === String(idA));
console.log('distinct:', +a !== +b);
clearTimeout(idA);
