// Helper: reports whether it is the main module and its own file name.
module.exports = {
  isMain: require.main === module,
  file: __filename.split('/').pop(),
  dir: __dirname.split('/').pop(),
};
