// Package thirdparty is a pool the user cannot annotate.
package thirdparty

import (
	"context"
	"database/sql"
)

type Pool struct{ free []*Handle }

type Handle struct{}

func (p *Pool) Take() (*Handle, error) { return &Handle{}, nil }

func (p *Pool) Give(h *Handle) { p.free = append(p.free, h) }

func (h *Handle) Done() {}

// With takes a handle, calls fn with it and gives it back: fn must not keep
// it.
func (p *Pool) With(fn func(*Handle) error) error {
	h, err := p.Take()
	if err != nil {
		return err
	}
	defer p.Give(h)
	return fn(h)
}

func (h *Handle) Query() error { return nil }

// Results wraps the rows of a query by embedding them: Close and Next are
// promoted from *sql.Rows.
type Results struct {
	*sql.Rows
	page int
}

// Results runs a query; its body is opaque (connlint cannot infer from it).
func (p *Pool) Results() (*Results, error) { return &Results{}, nil }

// Feed is a stream of updates that lives as long as the context it was
// opened with, or until Next fails: a gRPC stream's shape, declared in the
// families file (context_scoped, embedders).
type Feed interface {
	Next() (string, error)
}

// KeyFeed is a Feed for one key: an interface that embeds Feed is one.
type KeyFeed interface {
	Feed
	Key() string
}

type keyFeed struct{ key string }

func (f *keyFeed) Next() (string, error) { return f.key, nil }
func (f *keyFeed) Key() string           { return f.key }

func (p *Pool) Watch(ctx context.Context, key string) (KeyFeed, error) {
	return &keyFeed{key: key}, nil
}
