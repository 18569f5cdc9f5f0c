// A numeric string delay is coerced to a number: '40' runs after '5' and after 20.
setTimeout(() => console.log("delay '40'"), '40');
setTimeout(() => console.log('delay 20'), 20);
setTimeout(() => console.log("delay '5'"), '5');
