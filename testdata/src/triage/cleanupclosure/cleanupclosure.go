// Package cleanupclosure: a helper that returns a resource with a closure
// that releases it hands the obligation to the closure.
//
// Found in github.com/pressly/goose/v3 v3.30.1, provider.go:355, 417, 519,
// 546 and 610 (non-test code; every report connlint gives on goose):
// `conn, cleanup, err := p.initialize(ctx, true)` followed by
// `defer func() { retErr = multierr.Append(retErr, cleanup()) }()`.
// initialize (provider_run.go:277) acquires conn with p.db.Conn(ctx) and
// returns `cleanup := func() error { p.mu.Unlock(); return conn.Close() }`
// (or a variant that also unlocks a session first). Each caller is reported
// as leaking conn on its first return after the defer, before and after the
// ownership changes.
//
// Expected: when a function returns a resource together with a func value
// that releases it on every path, calling that func value (directly, in a
// defer, or inside a deferred closure) releases the resource; dropping it
// (`conn, _, err := ...`) or never calling it leaks. The twins below.
package cleanupclosure

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

type provider struct {
	mu sync.Mutex
	db *sql.DB
}

func (p *provider) initialize(ctx context.Context) (*sql.Conn, func() error, error) {
	p.mu.Lock()
	conn, err := p.db.Conn(ctx)
	if err != nil {
		p.mu.Unlock()
		return nil, nil, err
	}
	cleanup := func() error {
		p.mu.Unlock()
		return conn.Close()
	}
	return conn, cleanup, nil
}

func (p *provider) up(ctx context.Context, n int) (retErr error) {
	conn, cleanup, err := p.initialize(ctx)
	if err != nil {
		return err
	}
	defer func() {
		retErr = errors.Join(retErr, cleanup())
	}()
	if n == 0 {
		return nil
	}
	_, err = conn.ExecContext(ctx, "SELECT 1")
	return err
}

func (p *provider) down(ctx context.Context) error {
	conn, cleanup, err := p.initialize(ctx)
	if err != nil {
		return err
	}
	defer cleanup()
	_, err = conn.ExecContext(ctx, "SELECT 1")
	return err
}

func (p *provider) dropped(ctx context.Context) error {
	conn, _, err := p.initialize(ctx) // want `\*sql\.Conn acquired here is not released`
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "SELECT 1")
	return err
}

func (p *provider) notCalledOnError(ctx context.Context) error {
	conn, cleanup, err := p.initialize(ctx) // want `\*sql\.Conn acquired here is not released`
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "SELECT 1"); err != nil {
		return err
	}
	return cleanup()
}
