// Package lib declares, for the rule packages, types whose release methods
// are marked in this package rather than in the package that uses them.
package lib

// Lease is handed back with Done: it has a lifecycle, which the facts of
// this package tell every importer.
type Lease struct{ buf []byte }

//connlint:release
func (l *Lease) Done() {}

// Scratch is plain memory: Reset is no release.
type Scratch struct{ buf []byte }

func (s *Scratch) Reset() { s.buf = s.buf[:0] }
