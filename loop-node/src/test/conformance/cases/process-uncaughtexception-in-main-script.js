// A throw in the main script goes to an 'uncaughtException' listener registered before it; the rest of the script is skipped but the loop runs.
process.on('uncaughtException', (err) => console.log('caught:', err.message));
setTimeout(() => console.log('timer scheduled before the throw still runs'), 1);
console.log('before throw');
throw new Error('main boom');
