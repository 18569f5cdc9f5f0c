// Corrupt or truncated input fails with zlib error codes: sync throws, async passes the error to the callback.
const zlib = require('zlib');
const show = (label, e) => console.log(label, e.code, e.errno);
try { zlib.inflateSync(Buffer.from('not compressed at all')); } catch (e) { show('inflateSync garbage:', e); }
try { zlib.gunzipSync(Buffer.from('not gzip')); } catch (e) { show('gunzipSync garbage:', e); }
const gz = zlib.gzipSync('some data to truncate, long enough');
try { zlib.gunzipSync(gz.subarray(0, gz.length - 6)); } catch (e) { show('gunzipSync truncated:', e); }
zlib.inflate(Buffer.from([1, 2, 3, 4]), (err, out) => {
  show('inflate async:', err);
  console.log('result:', out);
});
