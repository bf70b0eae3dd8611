package generics

import "context"

// Pool is a generic user pool whose leases must be released.
type Pool[T any] struct{ items chan T }

// Lease is one item taken from a Pool.
type Lease[T any] struct {
	Value T
	pool  *Pool[T]
}

// Get takes an item from the pool.
//
//connlint:acquire
func (p *Pool[T]) Get(ctx context.Context) (*Lease[T], error) {
	select {
	case v := <-p.items:
		return &Lease[T]{Value: v, pool: p}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Release puts the item back.
//
//connlint:release
func (l *Lease[T]) Release() { l.pool.items <- l.Value }

func use[T any](v T) error { return nil }

func leaseBad(ctx context.Context, p *Pool[int]) error {
	l, err := p.Get(ctx) // want `\*generics\.Lease acquired here is not released on the path returning at line 38 \(call Release, or defer l\.Release\(\) after the error check\)`
	if err != nil {
		return err
	}
	return use(l.Value)
}

func leaseGood(ctx context.Context, p *Pool[int]) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Release()
	return use(l.Value)
}

// In a generic function over the pool's element type.
func leaseGenericBad[T any](ctx context.Context, p *Pool[T]) error {
	l, err := p.Get(ctx) // want `\*generics\.Lease acquired here is not released on the path returning at line 56`
	if err != nil {
		return err
	}
	return use(l.Value)
}

func leaseGenericGood[T any](ctx context.Context, p *Pool[T]) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Release()
	return use(l.Value)
}

// A generic wrapper returning the lease makes its callers acquirers too.
func take[T any](ctx context.Context, p *Pool[T]) (*Lease[T], error) {
	return p.Get(ctx)
}

func takeBad(ctx context.Context, p *Pool[string]) error {
	l, err := take(ctx, p) // want `\*generics\.Lease acquired here is not released on the path returning at line 78`
	if err != nil {
		return err
	}
	return use(l.Value)
}

func takeGood(ctx context.Context, p *Pool[string]) error {
	l, err := take(ctx, p)
	if err != nil {
		return err
	}
	defer l.Release()
	return use(l.Value)
}
