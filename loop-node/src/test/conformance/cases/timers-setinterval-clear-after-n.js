// setInterval repeats until clearInterval, called here from inside its own callback after 3 runs.
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('tick', n);
  if (n === 3) {
    clearInterval(iv);
    console.log('cleared');
  }
}, 5);
process.on('exit', () => console.log('total runs', n));
