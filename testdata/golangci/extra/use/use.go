// Package use leases a session and never puts it back: reported only with
// the acquire setting (configs/acquire.yml).
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
