// Package closenotrelease: a method named like a release that releases
// nothing, on a struct whose other methods are its releases.
//
// Found in Vitess v0.24.4 (old corpus, vet mode), non-test code,
// go/vt/vttablet/tabletserver/stateful_connection.go:70:
//
//	// Close closes the underlying connection. When the connection is
//	// Unblocked, it will be Released
//	func (sc *StatefulConnection) Close() {
//		if sc.dbConn != nil {
//			sc.dbConn.Close()
//		}
//	}
//
// `dbConn` is a `*smartconnpool.Pooled`, whose Close closes the MySQL
// connection but gives no slot back: Recycle does, and StatefulConnection
// calls it in ReleaseString (behind Release, Releasef and Unlock). The
// owning-field rule took Close for a release method of the struct by its
// name and reported "StatefulConnection.Close leaves dbConn held on the
// path returning at line 74". (docs/triage.md had blamed the nil guard:
// the non-nil path leaves the slot held too.)
//
// Expected: a method that has a release's name, calls a method on an
// owning field but releases none of them on any path is not one of the
// struct's release methods when another function of the package releases
// them (here Release(reason), through releaseString: not release-shaped,
// as in Vitess): the struct's own releases say what Close is not. The twins stay reported: a struct with no other release (its Close is
// all there is), and a Close that never looks at the field while another
// method releases it (Vitess's Mysqld.Close and lockConn, a true report):
// only a Close that works on the field (dbConn.Close()) and leaves its
// release to another function is not a release method.
package closenotrelease

import (
	"context"

	"vitess.io/vitess/go/pools/smartconnpool"
)

type mysqlConn struct{ closed bool }

func (c *mysqlConn) ApplySetting(ctx context.Context, s *smartconnpool.Setting) error { return nil }
func (c *mysqlConn) ResetSetting(ctx context.Context) error                           { return nil }
func (c *mysqlConn) Setting() *smartconnpool.Setting                                  { return nil }
func (c *mysqlConn) IsClosed() bool                                                   { return c.closed }
func (c *mysqlConn) Close()                                                           { c.closed = true }

type pool = smartconnpool.ConnPool[*mysqlConn]

// Stateful is released by Release; Close only closes the MySQL connection.
type Stateful struct {
	dbConn *smartconnpool.Pooled[*mysqlConn]
}

func NewStateful(ctx context.Context, p *pool) (*Stateful, error) {
	c, err := p.Get(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &Stateful{dbConn: c}, nil
}

// Close closes the underlying connection; Release gives it back.
func (s *Stateful) Close() {
	if s.dbConn != nil {
		s.dbConn.Close()
	}
}

// Release gives the connection back to its pool (closed or not).
func (s *Stateful) Release(reason string) {
	s.releaseString(reason)
}

func (s *Stateful) releaseString(reason string) {
	if s.dbConn == nil {
		return
	}
	s.dbConn.Recycle()
	s.dbConn = nil
}

// The twin: Close is its only release method, and it releases nothing.
type Lone struct {
	dbConn *smartconnpool.Pooled[*mysqlConn]
}

func NewLone(ctx context.Context, p *pool) (*Lone, error) {
	c, err := p.Get(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &Lone{dbConn: c}, nil
}

func (l *Lone) Close() { // want `Lone\.Close leaves dbConn held`
	if l.dbConn != nil {
		l.dbConn.Close()
	}
}

// The twin of Vitess's Mysqld (mysqld.go:1321, a true report): its Close
// never looks at lockConn, held between Lock and Unlock: it forgot it.
type Forgetful struct {
	lockConn *smartconnpool.Pooled[*mysqlConn]
	closed   bool
}

func (f *Forgetful) Lock(ctx context.Context, p *pool) error {
	c, err := p.Get(ctx, nil)
	if err != nil {
		return err
	}
	f.lockConn = c
	return nil
}

func (f *Forgetful) Unlock() {
	if f.lockConn == nil {
		return
	}
	f.lockConn.Recycle()
	f.lockConn = nil
}

func (f *Forgetful) Close() { // want `Forgetful\.Close leaves lockConn held`
	f.closed = true
}
