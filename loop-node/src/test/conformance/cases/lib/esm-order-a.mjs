// Helper: evaluation order of ES module imports (depends on esm-order-b.mjs).
import './esm-order-b.mjs';
console.log('[esm-order-a evaluated]');
