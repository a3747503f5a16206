// Package asyncwriter puts a buffer and a goroutine between a log and the
// file it goes to, so that a request that logs a record does not wait for
// a write system call, nor for the lock that a logger holds around it.
//
// 'anzsco serve' logs one record per request. Written straight to stderr,
// every request made a system call while holding the slog handler's lock,
// and when the thread making it lost its core (the server shares its
// cores with the load and everything else on the machine) every other
// request that finished waited for it. Through a Writer a record is
// appended to memory, and a goroutine writes what is waiting in one call
// as soon as it is woken; what comes during a call waits for the next:
// under load hundreds of records a call.
//
// Nothing is dropped: when the records waiting reach the Writer's limit, a
// Write waits until they are written. Close writes what is left; records
// not yet written when the process dies are lost, so the last moments
// before a crash may be missing from the log.
//
// A Writer is safe for concurrent use.
package asyncwriter
