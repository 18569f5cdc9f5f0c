// A module that throws while loading is removed from the cache: requiring it again runs it again.
for (let i = 0; i < 2; i++) {
  try {
    require('./lib/throws-on-load.js');
  } catch (e) {
    console.log('caught:', e.message);
  }
}
