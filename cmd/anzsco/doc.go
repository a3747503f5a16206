// Command anzsco classifies job titles and descriptions to ANZSCO occupation codes.
//
// main only calls cli.Main and exits with its status: it must hold nothing
// else, so that the command line is tested as a library.
package main
