// Helper CommonJS module: logs once when evaluated, exports a mutable counter object.
console.log('[counter.js evaluated]');
let count = 0;
exports.increment = () => ++count;
exports.current = () => count;
