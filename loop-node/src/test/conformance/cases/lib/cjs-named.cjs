// Helper CommonJS module imported from ES modules: `exports.x =` assignments become named exports.
exports.alpha = 'A';
exports.beta = function beta() { return 'B'; };
exports.gamma = 3;
