// Helper for error-syntax-error-in-required-file.js: does not compile.
module.exports = {;
