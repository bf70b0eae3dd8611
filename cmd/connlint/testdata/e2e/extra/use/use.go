// Package use leases a session and never puts it back: reported only when
// pool.Pool.Get is declared an acquisition (-reservedclose.acquire, or the
// golangci-lint plugin's acquire setting).
package use

import "example.com/e2e/extra/pool"

// ID leaks the session.
func ID(p *pool.Pool) (int, error) {
	s, err := p.Get()
	if err != nil {
		return 0, err
	}
	return s.ID(), nil
}
