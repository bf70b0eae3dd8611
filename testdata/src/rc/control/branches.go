package control

import (
	"context"
	"database/sql"
	"net/http"
)

// One switch arm returns without releasing.
func switchBad(ctx context.Context, db *sql.DB, mode int) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 22`
	if err != nil {
		return err
	}
	switch mode {
	case 0:
		return conn.Close()
	case 1:
		conn.Close()
		return nil
	default:
		return errNotOK
	}
}

func switchGood(ctx context.Context, db *sql.DB, mode int) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	switch mode {
	case 0:
		return conn.Close()
	case 1:
		conn.Close()
		return nil
	default:
		conn.Close()
		return errNotOK
	}
}

// A type switch arm falls out of the switch without releasing.
func typeSwitchBad(ctx context.Context, db *sql.DB, v any) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 55`
	if err != nil {
		return err
	}
	switch v.(type) {
	case int:
		conn.Close()
	case string:
		return conn.Close()
	}
	return nil
}

func typeSwitchGood(ctx context.Context, db *sql.DB, v any) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	switch v.(type) {
	case int:
		conn.Close()
	case string:
		return conn.Close()
	default:
		conn.Close()
	}
	return nil
}

// One select arm hands the resource on; the other must release it.
func selectBad(ctx context.Context, db *sql.DB, ch chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 84`
	if err != nil {
		return err
	}
	select {
	case ch <- conn:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func selectGood(ctx context.Context, db *sql.DB, ch chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	select {
	case ch <- conn:
		return nil
	case <-ctx.Done():
		conn.Close()
		return ctx.Err()
	}
}

// The message names the first leaking return in source order.
func firstLeakBad(ctx context.Context, db *sql.DB, a, b bool) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 109 `
	if err != nil {
		return err
	}
	if a {
		return errNotOK
	}
	if b {
		return errNotOK
	}
	return conn.Close()
}

func firstLeakGood(ctx context.Context, db *sql.DB, a, b bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if a {
		return errNotOK
	}
	if b {
		return errNotOK
	}
	return conn.Close()
}

// The r == nil branch: nothing was acquired there.
func nilBranchBad(u string, other *http.Response) error {
	resp, err := http.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 136`
	if other == nil {
		return err
	}
	defer resp.Body.Close()
	return err
}

func nilBranchGood(u string, other *http.Response) error {
	resp, err := http.Get(u)
	if resp == nil {
		return err
	}
	defer resp.Body.Close()
	return err
}

// if err == nil { ...release... }: the other branch acquired nothing.
func errEqNilBad(db *sql.DB) (n int) {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 158`
	if err == nil {
		_ = rows.Err()
		n = 1
	}
	return n
}

func errEqNilGood(db *sql.DB) (n int) {
	rows, err := db.Query("SELECT 1")
	if err == nil {
		defer rows.Close()
		n = 1
	}
	return n
}

// Only the acquisition's own error tells that nothing was acquired: an err
// variable reused for another call before the check does not.
func errReusedBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 176`
	_, err = db.ExecContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer conn.Close()
	return nil
}

func errReusedGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return nil
}
