// Package typestate: uses after release and second releases.
package typestate

import (
	"context"
	"database/sql"

	"directives/pool"
	"vitess.io/vitess/go/pools/smartconnpool"
)

type P = pool.Pool[pool.Conn]

// Use after release: the lease belongs to the next borrower.
func useAfterRecycle(ctx context.Context, p *P) pool.Conn {
	l, err := p.Get(ctx)
	if err != nil {
		return pool.Conn{}
	}
	l.Recycle()
	return l.Conn() // want `\*pool.Lease Conn called after its release at line 20: another user may own it now \(release it after the last use\)`
}

func useBeforeRecycle(ctx context.Context, p *P) pool.Conn {
	l, err := p.Get(ctx)
	if err != nil {
		return pool.Conn{}
	}
	c := l.Conn()
	l.Recycle()
	return c
}

// A method marked //connlint:afterrelease is fine after the release.
func errAfterRecycle(ctx context.Context, p *P) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	l.Recycle()
	return l.Err()
}

// Released in one branch, used in the other: no path uses it after release.
func releaseOneBranchUseOther(ctx context.Context, p *P, done bool) pool.Conn {
	l, err := p.Get(ctx)
	if err != nil {
		return pool.Conn{}
	}
	if done {
		l.Recycle()
		return pool.Conn{}
	}
	c := l.Conn()
	l.Recycle()
	return c
}

// Double release of a pool handle corrupts the pool.
func recycleTwice(ctx context.Context, p *P) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	l.Recycle()
	l.Recycle() // want `\*pool.Lease released again after its release at line 65: a second release corrupts its pool \(release it once\)`
}

func discardOrRecycle(ctx context.Context, p *P, broken bool) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	if broken {
		l.Discard()
		return
	}
	l.Recycle()
}

// A direct release plus a deferred one.
func deferredAndDirect(ctx context.Context, p *P) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	defer l.Recycle()
	_ = l.Conn()
	l.Discard() // want `\*pool.Lease is released here and again by the deferred release at line 87: a second Recycle corrupts its pool \(drop one of them\)`
}

func deferredOnly(ctx context.Context, p *P) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	defer l.Recycle()
	_ = l.Conn()
}

// Through a helper that releases its parameter.
func recycle(l *pool.Lease[pool.Conn]) { l.Recycle() }

func useAfterHelper(ctx context.Context, p *P) pool.Conn {
	l, err := p.Get(ctx)
	if err != nil {
		return pool.Conn{}
	}
	recycle(l)
	return l.Conn() // want `\*pool.Lease Conn called after its release at line 109`
}

func twiceThroughHelper(ctx context.Context, p *P) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	recycle(l)
	recycle(l) // want `\*pool.Lease released again after its release at line 118`
}

// database/sql: Rollback after Commit is the idiom, Err after Close is
// allowed, Close twice is harmless; Scan after Close is a use.
func commitThenDeferredRollback(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE t SET x = 1"); err != nil {
		return err
	}
	return tx.Commit()
}

func execAfterCommit(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE t SET x = 1") // want `\*sql.Tx ExecContext called after its release at line 141`
	return err
}

func errAfterClose(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	rows.Close()
	rows.Close()
	return rows.Err()
}

func scanAfterClose(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	rows.Close()
	var n int
	err = rows.Scan(&n) // want `\*sql.Rows Scan called after its release at line 163`
	return n, err
}

// Vitess: reading the connection after recycling it.
func vitessUseAfterRecycle(ctx context.Context, p *smartconnpool.ConnPool[*vconn]) *vconn {
	pc, err := p.Get(ctx, nil)
	if err != nil {
		return nil
	}
	pc.Recycle()
	return pc.Conn // want `\*smartconnpool.Pooled used after its release at line 175`
}

func vitessUseBeforeRecycle(ctx context.Context, p *smartconnpool.ConnPool[*vconn]) *vconn {
	pc, err := p.Get(ctx, nil)
	if err != nil {
		return nil
	}
	c := pc.Conn
	pc.Recycle()
	return c
}

type vconn struct{}

func (*vconn) ApplySetting(context.Context, *smartconnpool.Setting) error { return nil }
func (*vconn) ResetSetting(context.Context) error                         { return nil }
func (*vconn) Setting() *smartconnpool.Setting                            { return nil }
func (*vconn) IsClosed() bool                                             { return false }
func (*vconn) Close()                                                     {}
