// Helper: reassigning `exports` breaks its link to module.exports, so nothing is exported.
exports = { lost: true };
