// An unref'd timer alone does not keep the process alive: it never fires and the process exits at once with code 0.
const t = setTimeout(() => console.log('must not run'), 100);
t.unref();
const iv = setInterval(() => console.log('must not run either'), 10);
iv.unref();
process.on('exit', (code) => console.log('exit', code));
console.log('main done');
