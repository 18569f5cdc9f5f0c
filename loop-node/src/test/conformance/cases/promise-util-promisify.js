// util.promisify turns (err, value) callbacks into promises; util.promisify.custom and setTimeout's custom promisify are honoured.
const util = require('util');
function cbStyle(x, cb) { setImmediate(() => (x < 0 ? cb(new Error('negative')) : cb(null, x * 2))); }
const p = util.promisify(cbStyle);
function custom() {}
custom[util.promisify.custom] = () => Promise.resolve('custom!');
console.log('custom used:', util.promisify(custom) === custom[util.promisify.custom]);
console.log('promisify.custom is a symbol:', typeof util.promisify.custom === 'symbol');
(async () => {
  console.log('resolved', await p(21));
  try {
    await p(-1);
  } catch (e) {
    console.log('rejected', e.message);
  }
  console.log(await util.promisify(custom)());
  const sleep = util.promisify(setTimeout);
  console.log('setTimeout promisified:', await sleep(5, 'slept value'));
})();
