// Package vitess pins down the smartconnpool family (Get -> Recycle; Taint
// and Close are not releases) and two shapes from Vitess' history. Each
// buggy case (with a want) is followed by its correct twin, which differs in
// one line.
package vitess

import (
	"context"

	"vitess.io/vitess/go/pools/smartconnpool"
)

// dbConn is a pooled connection.
type dbConn struct{ closed bool }

func (c *dbConn) ApplySetting(ctx context.Context, s *smartconnpool.Setting) error { return nil }
func (c *dbConn) ResetSetting(ctx context.Context) error                           { return nil }
func (c *dbConn) Setting() *smartconnpool.Setting                                  { return nil }
func (c *dbConn) IsClosed() bool                                                   { return c.closed }
func (c *dbConn) Close()                                                           { c.closed = true }
func (c *dbConn) Lock(ctx context.Context, name string) error                      { return nil }
func (c *dbConn) Exec(ctx context.Context, q string) error                         { return nil }

type executor struct {
	pool *smartconnpool.ConnPool[*dbConn]
	conn *smartconnpool.Pooled[*dbConn]
}

// ConnPool.Get -> Pooled.Recycle.
func (e *executor) getBad(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil) // want `\*smartconnpool\.Pooled acquired here is not released on the path returning at line 35 \(call Recycle, or defer conn\.Recycle\(\) after the error check\)`
	if err != nil {
		return err
	}
	return conn.Conn.Exec(ctx, "SELECT 1")
}

func (e *executor) getGood(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	defer conn.Recycle()
	return conn.Conn.Exec(ctx, "SELECT 1")
}

// Taint detaches the connection from the pool but does not release it:
// it must still be recycled (which closes a tainted connection).
func (e *executor) taintBad(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil) // want `\*smartconnpool\.Pooled acquired here is not released on the path returning at line 55`
	if err != nil {
		return err
	}
	conn.Taint()
	return conn.Conn.Exec(ctx, "SET x = 1")
}

func (e *executor) taintGood(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	conn.Taint()
	defer conn.Recycle()
	return conn.Conn.Exec(ctx, "SET x = 1")
}

// Closing the pooled connection (or the connection inside it) does not
// give its slot back to the pool: Recycle still must run.
func (e *executor) closeBad(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil) // want `\*smartconnpool\.Pooled acquired here is not released on the path returning at line 77`
	if err != nil {
		return err
	}
	if err := conn.Conn.Exec(ctx, "SELECT 1"); err != nil {
		conn.Close()
		return err
	}
	conn.Recycle()
	return nil
}

func (e *executor) closeGood(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	if err := conn.Conn.Exec(ctx, "SELECT 1"); err != nil {
		conn.Close()
		conn.Recycle()
		return err
	}
	conn.Recycle()
	return nil
}

// vitessio/vitess#17207: the deferred Recycle is placed after an early
// return, which leaks the lock connection.
func (e *executor) lockBad(ctx context.Context, name string) error {
	lockConn, err := e.pool.Get(ctx, nil) // want `\*smartconnpool\.Pooled acquired here is not released on the path returning at line 105 \(call Recycle, or defer lockConn\.Recycle\(\) after the error check\)`
	if err != nil {
		return err
	}
	if err := lockConn.Conn.Lock(ctx, name); err != nil {
		return err
	}
	defer lockConn.Recycle()
	return lockConn.Conn.Exec(ctx, "SELECT 1")
}

func (e *executor) lockGood(ctx context.Context, name string) error {
	lockConn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	defer lockConn.Recycle()
	if err := lockConn.Conn.Lock(ctx, name); err != nil {
		return err
	}
	return lockConn.Conn.Exec(ctx, "SELECT 1")
}

// vitessio/vitess#6424: a guarded deferred Recycle releases the connection
// on the failure paths, and the success path stores it in a field. Without
// the store, the success path leaks it.
// Known limitation: a release guarded by a condition (`if err != nil`,
// `if !ok`) in a deferred closure counts as handing the resource on, so the
// success path that leaks it is not reported (precision first; see
// docs/reservedclose.md#limits).
func (e *executor) reserveBad(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			conn.Recycle()
		}
	}()
	if err := conn.Conn.Exec(ctx, "BEGIN"); err != nil {
		return err
	}
	_ = conn
	ok = true
	return nil
}

func (e *executor) reserveGood(ctx context.Context) error {
	conn, err := e.pool.Get(ctx, nil)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			conn.Recycle()
		}
	}()
	if err := conn.Conn.Exec(ctx, "BEGIN"); err != nil {
		return err
	}
	e.conn = conn
	ok = true
	return nil
}
