// Same delay, one timer created in the main script and one in a promise job just after: creation order is kept.
Promise.resolve().then(() => setTimeout(() => console.log('second (from promise job)'), 10));
setTimeout(() => console.log('first (main script)'), 10);
