// A delay above 2^31-1 becomes 1 ms and emits a TimeoutOverflowWarning on stderr.
// stderr-includes: TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer.
// stderr-includes: Timeout duration was set to 1.
setTimeout(() => console.log('huge delay ran (treated as 1 ms)'), 2 ** 31);
setTimeout(() => console.log('50 ms timer'), 50);
setTimeout(() => console.log('max delay 2^31-1 is fine (never runs here)'), 2 ** 31 - 1).unref();
console.log('sync');
