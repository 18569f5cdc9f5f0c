// gunzip decodes concatenated gzip members into one output.
const zlib = require('zlib');
const both = Buffer.concat([zlib.gzipSync('first '), zlib.gzipSync('second')]);
console.log(zlib.gunzipSync(both).toString());
zlib.gunzip(both, (err, out) => console.log('async:', out.toString()));
