// process.env is an object of strings: variables from the environment are readable, assigned values are coerced to strings, delete works.
// env: LOOPD_CONFORMANCE_VAR=hello LOOPD_EMPTY=
console.log('typeof env:', typeof process.env);
console.log('LOOPD_CONFORMANCE_VAR:', process.env.LOOPD_CONFORMANCE_VAR);
console.log('LOOPD_EMPTY:', JSON.stringify(process.env.LOOPD_EMPTY));
console.log('missing:', process.env.LOOPD_NOT_SET);
console.log('in operator:', 'LOOPD_CONFORMANCE_VAR' in process.env, 'LOOPD_NOT_SET' in process.env);
process.env.LOOPD_NUM = 42;
console.log('assigned number becomes:', typeof process.env.LOOPD_NUM, process.env.LOOPD_NUM);
process.env.LOOPD_BOOL = true;
console.log('assigned boolean becomes:', JSON.stringify(process.env.LOOPD_BOOL));
delete process.env.LOOPD_NUM;
console.log('after delete:', process.env.LOOPD_NUM);
