// Failed requires are catchable: MODULE_NOT_FOUND, ERR_UNKNOWN_BUILTIN_MODULE, SyntaxError in the required file; a module that throws while loading is not cached.
{
  try {
    require('./lib/missing-file');
  } catch (e) {
    console.log(e.code, e.message.split('\n')[0]);
  }
  try {
    require('node:definitely-not-a-builtin');
  } catch (e) {
    console.log(e.code);
  }
}
{
  for (let i = 0; i < 2; i++) {
    try {
      require('./lib/throws-on-load.js');
    } catch (e) {
      console.log('caught:', e.message);
    }
  }
}
{
  try {
    require('./lib/syntax-error.js');
  } catch (e) {
    console.log('caught:', e.name, e instanceof SyntaxError);
  }
  console.log('main continues');
}
