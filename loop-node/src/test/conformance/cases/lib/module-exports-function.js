// Helper: replaces module.exports with a function that also carries a property.
module.exports = function double(x) { return x * 2; };
module.exports.extra = 'property on the function';
