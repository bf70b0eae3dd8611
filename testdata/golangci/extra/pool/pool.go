// Package pool stands for a third-party pool whose source the user cannot
// annotate.
package pool

// Pool hands out sessions.
type Pool struct{}

// Session is leased from a Pool.
type Session struct{ id int }

// Get leases a session; Put gives it back.
func (p *Pool) Get() (*Session, error) { return &Session{}, nil }

// Put returns the session to its pool.
func (s *Session) Put() {}

// ID identifies the session.
func (s *Session) ID() int { return s.id }
