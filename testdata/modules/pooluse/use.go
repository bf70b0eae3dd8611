// Package pooluse uses runtime/connpool exactly as a user would. connlint
// knows the pool only through the //connlint: directives on its API.
package pooluse

import (
	"context"
	"errors"

	"github.com/connlint/connlint/runtime/connpool"
)

type conn struct{}

func (*conn) Close() error { return nil }

var errBusy = errors.New("busy")

func leaseLeaksOnEarlyReturn(ctx context.Context, p *connpool.Pool[*conn], busy bool) error {
	l, err := p.Get(ctx) // want `\*connpool.Lease acquired here is not released on the path returning at line 24 \(call Recycle or Discard or Hijack, or defer l.Recycle\(\) after the error check\)`
	if err != nil {
		return err
	}
	if busy {
		return errBusy
	}
	l.Recycle()
	return nil
}

func leaseReleasedOnEveryPath(ctx context.Context, p *connpool.Pool[*conn], busy bool) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Recycle()
	if busy {
		return errBusy
	}
	return nil
}

// A reserved connection, pinned for a session (the GET_LOCK case).
func reservedLeaksOnEarlyReturn(ctx context.Context, p *connpool.Pool[*conn], busy bool) (*conn, error) {
	r, err := p.Reserve(ctx) // want `\*connpool.Reserved acquired here is not released on the path returning at line 49`
	if err != nil {
		return nil, err
	}
	if busy {
		return nil, errBusy
	}
	return r.Conn(), nil
}

// Handed to the session that releases it later: not a leak.
type session struct{ r *connpool.Reserved[*conn] }

func (s *session) end() { s.r.Release() }

func reservedKeptBySession(ctx context.Context, p *connpool.Pool[*conn], s *session) error {
	r, err := p.Reserve(ctx)
	if err != nil {
		return err
	}
	s.r = r
	return nil
}

func useAfterRecycle(ctx context.Context, p *connpool.Pool[*conn]) *conn {
	l, err := p.Get(ctx)
	if err != nil {
		return nil
	}
	l.Recycle()
	return l.Conn() // want `\*connpool.Lease Conn called after its release at line 73`
}

// The pool's documented idiom: its releases other than Hijack are marked
// idempotent, so the deferred Recycle after an early Discard is legal.
func discardEarlyThenDeferredRecycle(ctx context.Context, p *connpool.Pool[*conn], broken bool) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Recycle()
	if broken {
		l.Discard()
		return errBusy
	}
	return nil
}

// Recycle after Hijack is a no-op too.
func hijackThenRecycle(ctx context.Context, p *connpool.Pool[*conn]) *conn {
	l, err := p.Get(ctx)
	if err != nil {
		return nil
	}
	c := l.Hijack()
	l.Recycle()
	return c
}

// Hijack is a plain release: hijacking a lease already recycled is a bug
// (the pool panics; another user may hold the connection).
func hijackAfterRecycle(ctx context.Context, p *connpool.Pool[*conn]) *conn {
	l, err := p.Get(ctx)
	if err != nil {
		return nil
	}
	l.Recycle()
	return l.Hijack() // want `\*connpool.Lease released again after its release at line 110: a second release corrupts its pool \(release it once\)`
}

// TryGet acquires like Get.
func tryGetLeaksOnEarlyReturn(ctx context.Context, p *connpool.Pool[*conn], busy bool) error {
	l, err := p.TryGet(ctx) // want `\*connpool.Lease acquired here is not released on the path returning at line 121`
	if err != nil {
		return err
	}
	if busy {
		return errBusy
	}
	l.Discard()
	return nil
}
