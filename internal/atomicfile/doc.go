// Package atomicfile writes a file beside its final path and renames it
// into place, so that a reader sees either the old file or the whole new
// one, never a part, and a failed or interrupted write leaves the old file
// as it was.
//
// It owns the temporary name (a dot file beside the target, ending in
// ".tmp"), the flush to disk before the rename, the flush of the directory
// after it, and the wording of its errors: "PATH: cause", naming the file
// the caller asked for, never the temporary one. Callers add only what the
// path is ("--out", "plot").
//
// It must not know what it writes (no formats, no compression) and must
// not print or exit. A File is not safe for concurrent use.
package atomicfile
