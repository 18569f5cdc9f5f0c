// Helper ES module: named exports, a default export, and a live binding.
console.log('[esm-lib evaluated]');
export const name = 'esm-lib';
export let counter = 0;
export function increment() { counter++; }
export default function greet(who) { return 'hello ' + who; }
