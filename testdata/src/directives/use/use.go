package use

import (
	"context"
	"errors"

	"directives/pool"
)

var errBusy = errors.New("busy")

// The pool's API is known only through its directives, in another package.

func leaksOnEarlyReturn(ctx context.Context, p *pool.Pool[pool.Conn], busy bool) error {
	l, err := p.Get(ctx) // want `\*pool.Lease acquired here is not released on the path returning at line 20 \(call Recycle or Discard, or defer l.Recycle\(\) after the error check\)`
	if err != nil {
		return err
	}
	if busy {
		return errBusy
	}
	l.Recycle()
	return nil
}

func releasesOnEveryPath(ctx context.Context, p *pool.Pool[pool.Conn], busy bool) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	if busy {
		l.Discard()
		return errBusy
	}
	l.Recycle()
	return nil
}

func throughInterface(ctx context.Context, s pool.Source) (pool.Conn, error) {
	l, err := s.Borrow(ctx) // want `\*pool.Lease acquired here is not released on the path returning at line 44`
	if err != nil {
		return pool.Conn{}, err
	}
	return l.Conn(), nil
}

func throughInterfaceTwin(ctx context.Context, s pool.Source) (pool.Conn, error) {
	l, err := s.Borrow(ctx)
	if err != nil {
		return pool.Conn{}, err
	}
	defer l.Recycle()
	return l.Conn(), nil
}

func ignored(ctx context.Context, p *pool.Pool[pool.Conn]) {
	//connlint:ignore the lease is recycled by the session reaper
	l, _ := p.Get(ctx)
	_ = l.Conn()
}

func ignoredSameLine(ctx context.Context, p *pool.Pool[pool.Conn]) {
	l, _ := p.Get(ctx) //connlint:ignore recycled by the session reaper
	_ = l.Conn()
}

func nolint(ctx context.Context, p *pool.Pool[pool.Conn]) {
	l, _ := p.Get(ctx) //nolint:connlint // recycled by the session reaper
	_ = l.Conn()
}

func ignoreWithoutReason(ctx context.Context, p *pool.Pool[pool.Conn]) {
	//connlint:ignore // want `//connlint:ignore needs a reason`
	l, _ := p.Get(ctx) // want `\*pool.Lease acquired here is not released`
	_ = l.Conn()
}
