// An unref'd timer still fires while a ref'd timer keeps the loop alive; an unref'd interval stops when the loop ends.
let ticks = 0;
setInterval(() => { ticks++; }, 5).unref();
setTimeout(() => console.log('unref 10 ms timer fired'), 10).unref();
setTimeout(() => console.log('ref 60 ms timer fired; unref interval ticked: ' + (ticks >= 1)), 60);
