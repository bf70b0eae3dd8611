// Package defers pins down every form of deferred release, and that a defer
// covers only the exits reached after it. Each buggy case (with a want) is
// followed by its correct twin, which differs in one line.
package defers

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
)

var errNotOK = errors.New("not ok")

func closeConn(c *sql.Conn) { c.Close() }

func pingConn(c *sql.Conn) { c.PingContext(context.Background()) }

// defer x.Close() covers only the returns after it.
func deferAfterReturnBad(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 26 \(call Close, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	if !ok {
		return errNotOK
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

func deferBeforeReturnGood(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if !ok {
		return errNotOK
	}
	return conn.PingContext(ctx)
}

// A defer on one branch only covers the exits of that branch.
func deferOnBranchBad(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 53`
	if err != nil {
		return err
	}
	if ok {
		defer conn.Close()
	}
	return conn.PingContext(ctx)
}

func deferOnBothBranchesGood(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if ok {
		defer conn.Close()
	} else {
		defer conn.Close()
	}
	return conn.PingContext(ctx)
}

// defer func() { x.Close() }(): a deferred closure capturing the resource.
func deferClosureBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 78`
	if err != nil {
		return err
	}
	defer func() {
		_ = conn.PingContext(ctx)
	}()
	return nil
}

func deferClosureGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer func() {
		_ = conn.Close()
	}()
	return nil
}

// The deferred closure that folds the Close error into a named result.
func deferClosureNamedErrBad(ctx context.Context, db *sql.DB) (err error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 103`
	if err != nil {
		return err
	}
	defer func() {
		if cerr := conn.PingContext(ctx); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return conn.PingContext(ctx)
}

func deferClosureNamedErrGood(ctx context.Context, db *sql.DB) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := conn.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return conn.PingContext(ctx)
}

// defer f(x): a helper that releases its argument.
func deferHelperBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 126`
	if err != nil {
		return err
	}
	defer pingConn(conn)
	return nil
}

func deferHelperGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer closeConn(conn)
	return nil
}

// defer func(c T) { c.Close() }(x): a deferred closure given the resource.
func deferClosureArgBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 145`
	if err != nil {
		return err
	}
	defer func(c *sql.Conn) { c.PingContext(ctx) }(conn)
	return nil
}

func deferClosureArgGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer func(c *sql.Conn) { c.Close() }(conn)
	return nil
}

// defer resp.Body.Close(): the release is a method of a field.
func deferBodyBad(u string) (int, error) {
	resp, err := http.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 164`
	if err != nil {
		return 0, err
	}
	defer resp.Body.Read(nil)
	return resp.StatusCode, nil
}

func deferBodyGood(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// The argument of defer f(x) is bound when the defer runs: reusing the
// variable afterwards does not change what is released. A deferred closure
// reads the variable only at exit, so it releases only the last resource.
func deferBindingBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is (lost when its variable is overwritten at line 185|not released on the path returning at line 187)`
	if err != nil {
		return err
	}
	defer func() { closeConn(conn) }()
	conn, err = db.Conn(ctx)
	if err != nil {
		return err
	}
	defer closeConn(conn)
	return conn.PingContext(ctx)
}

func deferBindingGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer closeConn(conn)
	conn, err = db.Conn(ctx)
	if err != nil {
		return err
	}
	defer closeConn(conn)
	return conn.PingContext(ctx)
}
