// Package pool stands for a third-party pool whose source the user cannot
// annotate.
package pool

// Pool hands out sessions.
type Pool struct{}

// Session is leased from a Pool.
type Session struct{ id int }

// Open makes a pool.
func Open() *Pool { return &Pool{} }

// Get leases a session; Put gives it back.
func (p *Pool) Get() (*Session, error) { return &Session{}, nil }

// With leases a session for fn and puts it back when fn returns.
func (p *Pool) With(fn func(*Session) error) error {
	s, err := p.Get()
	if err != nil {
		return err
	}
	defer s.Put()
	return fn(s)
}

// Close closes the pool and every session leased from it.
func (p *Pool) Close() {}

// Put returns the session to its pool.
func (s *Session) Put() {}

// Refresh renews the session; when it fails, the session is given back.
func (s *Session) Refresh() error { return nil }

// ID identifies the session, also once it is put back.
func (s *Session) ID() int { return s.id }

// Name is the session's name, valid only while it is leased.
func (s *Session) Name() string { return "" }
