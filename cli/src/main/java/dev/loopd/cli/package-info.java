/** loopctl: the command-line client of the loopd control API. */
package dev.loopd.cli;
