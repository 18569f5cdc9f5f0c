// Helper CommonJS module whose module.exports is a function: ES modules get it as the default export.
module.exports = function hello(name) { return 'hi ' + name; };
