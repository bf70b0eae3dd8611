// Package capturemiss: a closure that only uses a captured resource
// borrows it.
//
// Found in github.com/golang-migrate/migrate/v4 v4.20.1,
// database/postgres/postgres.go:139, database/pgx/pgx.go:140,
// database/pgx/v5/pgx.go:120 and database/sqlserver/sqlserver.go:104
// (WithInstance): `conn, err := instance.Conn(ctx)` is stored in the
// driver struct, then `px.ensureVersionTable()` fails and WithInstance
// returns the error without closing conn. ensureVersionTable calls
// px.Lock(), which runs `database.CasRestoreOnErr(&p.isLocked, ..., func()
// error { ... p.conn.ExecContext(...) ... })`: a func literal capturing the
// receiver, passed to a helper that only calls it. connlint reports the
// same leak in the firebird, redshift and snowflake drivers, whose Lock
// only flips an atomic.Bool, and is silent on these four.
//
// Expected: a closure that only calls non-release methods of what it
// captures, passed to a function that only calls it, borrows the capture;
// the caller still owns the conn, and the error return leaks it. The twin
// that closes the conn on the error path stays silent.
package capturemiss

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
)

type driver struct {
	conn     *sql.Conn
	isLocked atomic.Bool
}

func (d *driver) Close() error { return d.conn.Close() }

func casRestoreOnErr(lock *atomic.Bool, o, n bool, f func() error) error {
	if !lock.CompareAndSwap(o, n) {
		return errors.New("locked")
	}
	if err := f(); err != nil {
		lock.Store(o)
		return err
	}
	return nil
}

func (d *driver) lock() error {
	return casRestoreOnErr(&d.isLocked, false, true, func() error {
		_, err := d.conn.ExecContext(context.Background(), "SELECT pg_advisory_lock(1)")
		return err
	})
}

func (d *driver) ensureVersionTable() error {
	if err := d.lock(); err != nil {
		return err
	}
	_, err := d.conn.ExecContext(context.Background(), "CREATE TABLE IF NOT EXISTS v (v int)")
	return err
}

func withInstance(db *sql.DB) (*driver, error) {
	conn, err := db.Conn(context.Background()) // want `\*sql\.Conn acquired here is not released`
	if err != nil {
		return nil, err
	}
	d := &driver{conn: conn}
	if err := d.ensureVersionTable(); err != nil {
		return nil, err
	}
	return d, nil
}

func withInstanceClosed(db *sql.DB) (*driver, error) {
	conn, err := db.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	d := &driver{conn: conn}
	if err := d.ensureVersionTable(); err != nil {
		conn.Close()
		return nil, err
	}
	return d, nil
}
