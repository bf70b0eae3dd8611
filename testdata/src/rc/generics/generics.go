// Package generics pins down generic functions that acquire, release or
// pass on resources, and a generic user pool annotated with directives.
// Each buggy case (with a want) is followed by its correct twin, which
// differs in one line.
package generics

import (
	"context"
	"database/sql"

	"vitess.io/vitess/go/pools/smartconnpool"
)

// A generic function that acquires.
func pingWithBad[T any](ctx context.Context, db *sql.DB, v T) (T, error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 20`
	if err != nil {
		return v, err
	}
	return v, conn.PingContext(ctx)
}

func pingWithGood[T any](ctx context.Context, db *sql.DB, v T) (T, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return v, err
	}
	defer conn.Close()
	return v, conn.PingContext(ctx)
}

// A generic function over a generic library pool.
func getBad[C smartconnpool.Connection](ctx context.Context, p *smartconnpool.ConnPool[C]) error {
	c, err := p.Get(ctx, nil) // want `\*smartconnpool\.Pooled acquired here is not released on the path returning at line 38 \(call Recycle, or defer c\.Recycle\(\) after the error check\)`
	if err != nil {
		return err
	}
	return c.Conn.ResetSetting(ctx)
}

func getGood[C smartconnpool.Connection](ctx context.Context, p *smartconnpool.ConnPool[C]) error {
	c, err := p.Get(ctx, nil)
	if err != nil {
		return err
	}
	defer c.Recycle()
	return c.Conn.ResetSetting(ctx)
}

// A generic releaser releases its argument at the call; a generic function
// that only looks at it does not.
func release[T interface{ Close() error }](x T) { _ = x.Close() }

func look[T any](x T) {}

func genericReleaserBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 62`
	if err != nil {
		return err
	}
	look(conn)
	return nil
}

func genericReleaserGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	release(conn)
	return nil
}

// A generic pass-through returns what it was given: the result is still the
// resource.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func passThroughBad(ctx context.Context, db *sql.DB) error {
	conn := must(db.Conn(ctx)) // want `\*sql\.Conn acquired here is not released on the path returning at line 85`
	return conn.PingContext(ctx)
}

func passThroughGood(ctx context.Context, db *sql.DB) error {
	conn := must(db.Conn(ctx))
	defer conn.Close()
	return conn.PingContext(ctx)
}

// A generic wrapper type whose method returns what it acquired.
type Cluster[K comparable] struct{ dbs map[K]*sql.DB }

func (c *Cluster[K]) Conn(ctx context.Context, k K) (*sql.Conn, error) {
	return c.dbs[k].Conn(ctx)
}

func clusterBad(ctx context.Context, c *Cluster[string]) error {
	conn, err := c.Conn(ctx, "primary") // want `\*sql\.Conn acquired here is not released on the path returning at line 106`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func clusterGood(ctx context.Context, c *Cluster[string]) error {
	conn, err := c.Conn(ctx, "primary")
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}
