// An unhandled rejection with a non-Error reason exits 1 with ERR_UNHANDLED_REJECTION naming the reason.
// stderr-includes: The promise rejected with the reason "42".
// stderr-includes: ERR_UNHANDLED_REJECTION
console.log('before');
Promise.reject(42);
