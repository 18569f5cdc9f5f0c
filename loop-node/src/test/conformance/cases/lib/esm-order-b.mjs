// Helper: evaluation order of ES module imports (a leaf).
console.log('[esm-order-b evaluated]');
