// Command soak runs 'anzsco serve' on the loopback interface and sends it a
// mix of valid and invalid requests for a while, to show that a long-running
// server keeps answering correctly and that its memory stays flat.
//
// It starts the server binary given by -anzsco with --addr 127.0.0.1:0
// (never any other address), reads the address it listens on from its
// log, and runs -clients goroutines that send requests until -duration has
// passed or -max-requests have been sent. Every 10 s it samples the
// server's resident memory from /proc/PID/status. At the end it stops the
// server with SIGTERM and prints:
//
//   - the requests sent, valid and invalid;
//   - the errors on valid requests (a status other than 200, a transport
//     error or a body of the wrong shape): there must be none;
//   - the status of each kind of invalid request, against the one the API
//     documents; a 5xx is always an error;
//   - RSS first, last and max, the server's log records by level, and how
//     the server shut down.
//
// The exit status is 1 when anything went wrong: an error on a valid
// request, an unexpected status, a server that died, logged an error or did
// not shut down cleanly.
//
// It is a tool for developers, run by hand: it must not run in the unit
// tests, and no package may import it.
package main
