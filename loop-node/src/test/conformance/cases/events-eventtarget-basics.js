// EventTarget/Event: listeners in order, once option, duplicate listeners ignored, handleEvent objects, removeEventListener.
const et = new EventTarget();
const f = (e) => console.log('f', e.type, e instanceof Event);
et.addEventListener('ping', f);
et.addEventListener('ping', f);
et.addEventListener('ping', () => console.log('once'), { once: true });
et.addEventListener('ping', { handleEvent(e) { console.log('handleEvent', e.type); } });
console.log('dispatch returned', et.dispatchEvent(new Event('ping')));
et.removeEventListener('ping', f);
et.dispatchEvent(new Event('ping'));
const ev = new Event('c', { cancelable: true });
et.addEventListener('c', (e) => e.preventDefault());
console.log('cancelable dispatch returned', et.dispatchEvent(ev), 'defaultPrevented', ev.defaultPrevented);
