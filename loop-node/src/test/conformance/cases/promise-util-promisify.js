// util.promisify turns (err, value) callbacks into promises; util.promisify.custom and setTimeout's custom promisify are honoured.
const util = require('util');
function cbStyle(x, cb) { setImmediate(() => (x < 0 ? cb(new Error('negative')) : cb(null, x * 2))); }
const p = util.promisify(cbStyle);
p(21).then((v) => console.log('resolved', v));
p(-1).catch((e) => console.log('rejected', e.message));
function custom() {}
custom[util.promisify.custom] = () => Promise.resolve('custom!');
console.log('custom used:', util.promisify(custom) === custom[util.promisify.custom]);
util.promisify(custom)().then((v) => console.log(v));
const sleep = util.promisify(setTimeout);
sleep(5, 'slept value').then((v) => console.log('setTimeout promisified:', v));
console.log('promisify.custom is a symbol:', typeof util.promisify.custom === 'symbol');
