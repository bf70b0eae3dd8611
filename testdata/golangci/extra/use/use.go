// Package use leases sessions of a pool connlint does not know: reported
// only with the acquire setting (configs/settings.yml) or a families file
// (configs/families.yml, or -reservedclose.families from the command line),
// and the file's other fields decide the rest.
package use

import "example.com/golangci/extra/pool"

// ID leaks the session.
func ID(p *pool.Pool) (int, error) {
	s, err := p.Get()
	if err != nil {
		return 0, err
	}
	return s.ID(), nil
}

// Late reads the ID after Put: legal (after_release: [ID]).
func Late(p *pool.Pool) (int, error) {
	s, err := p.Get()
	if err != nil {
		return 0, err
	}
	s.Put()
	return s.ID(), nil
}

// Name reads the name after Put: a use after release.
func Name(p *pool.Pool) (string, error) {
	s, err := p.Get()
	if err != nil {
		return "", err
	}
	s.Put()
	return s.Name(), nil
}

// Refresh returns when Refresh fails: the session was given back
// (released_on_error: [Refresh]).
func Refresh(p *pool.Pool) error {
	s, err := p.Get()
	if err != nil {
		return err
	}
	if err := s.Refresh(); err != nil {
		return err
	}
	s.Put()
	return nil
}

// Scoped closes the pool, which puts its sessions back
// (tied_to_receiver: [Pool.Get]).
func Scoped() (int, error) {
	p := pool.Open()
	defer p.Close()
	s, err := p.Get()
	if err != nil {
		return 0, err
	}
	return s.ID(), nil
}

var last *pool.Session

// Keep keeps the session With lends its callback (lenders: Pool.With).
func Keep(p *pool.Pool) error {
	return p.With(func(s *pool.Session) error {
		last = s
		return nil
	})
}
