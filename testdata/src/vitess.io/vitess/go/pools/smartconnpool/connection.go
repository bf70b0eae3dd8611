// Stub of vitess.io/vitess@v0.24.4 for offline analysistest; signatures copied from the real package.

// Package smartconnpool is an offline stub of Vitess' generic connection pool (subset of the real API).
package smartconnpool

import (
	"context"
	"sync/atomic"
)

type Connection interface {
	ApplySetting(ctx context.Context, setting *Setting) error
	ResetSetting(ctx context.Context) error
	Setting() *Setting

	IsClosed() bool
	Close()
}

type Pooled[C Connection] struct {
	next atomic.Pointer[Pooled[C]]
	pool *ConnPool[C]

	Conn C
}

func (dbc *Pooled[C]) Close() {
	dbc.Conn.Close()
}

// Discard closes the connection so the Recycle that follows opens a
// replacement instead of returning this one to the pool.
func (dbc *Pooled[C]) Discard() {
	dbc.Close()
}

func (dbc *Pooled[C]) Recycle() {
	switch {
	case dbc.pool == nil:
		dbc.Conn.Close()
	case dbc.Conn.IsClosed():
		dbc.pool.put(nil)
	default:
		dbc.pool.put(dbc)
	}
}

func (dbc *Pooled[C]) Taint() {
	if dbc.pool == nil {
		return
	}
	dbc.pool.put(nil)
	dbc.pool = nil
}
