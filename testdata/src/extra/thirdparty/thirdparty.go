// Package thirdparty is a pool the user cannot annotate.
package thirdparty

import "database/sql"

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
