// Requiring a .json file parses it; it is cached like any module.
const data = require('./lib/data.json');
console.log(data);
console.log('cached:', require('./lib/data.json') === data);
console.log('found without the extension:', require('./lib/data') === data);
