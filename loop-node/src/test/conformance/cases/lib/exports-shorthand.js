// Helper: adds properties through the `exports` shorthand.
exports.a = 1;
exports.b = 'two';
