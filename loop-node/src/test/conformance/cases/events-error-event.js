// 'error' without a listener throws (the Error itself, or ERR_UNHANDLED_ERROR for non-errors); with a listener it is delivered.
const EventEmitter = require('events');
const ee = new EventEmitter();
try { ee.emit('error', new Error('bad thing')); } catch (e) { console.log('thrown:', e.message); }
try { ee.emit('error', 'a string'); } catch (e) { console.log('thrown:', e.code, e.message); }
try { ee.emit('error'); } catch (e) { console.log('thrown:', e.code, e.message); }
ee.on('error', (e) => console.log('listener got:', e.message));
console.log('emit returned', ee.emit('error', new Error('handled')));
