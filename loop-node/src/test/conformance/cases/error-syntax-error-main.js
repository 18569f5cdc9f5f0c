// A syntax error in the main file: nothing runs, exit code 1, stderr names the file and shows a SyntaxError.
// stderr-includes: error-syntax-error-main.js:5
// stderr-includes: SyntaxError
console.log('never printed: the file does not compile');
let x = ;
