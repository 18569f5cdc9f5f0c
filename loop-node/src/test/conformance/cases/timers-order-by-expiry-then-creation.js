// Timers run by expiry time; timers with equal expiry run in creation order.
setTimeout(() => console.log('A 60ms'), 60);
setTimeout(() => console.log('B 20ms'), 20);
setTimeout(() => console.log('C 20ms'), 20);
setTimeout(() => console.log('D 40ms'), 40);
setTimeout(() => console.log('E 0ms'), 0);
setTimeout(() => console.log('F 20ms'), 20);
