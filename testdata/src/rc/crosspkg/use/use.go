// Package use calls the helpers of package lib, which it knows only through
// their facts. Each buggy case (with a want) is followed by its correct
// twin, which differs in one line.
package use

import (
	"context"
	"database/sql"
	"net/http"

	"rc/crosspkg/lib"
)

// Wrappers: callers of lib.Open must release what it returns.
func openBad(ctx context.Context, db *sql.DB) error {
	conn, err := lib.Open(ctx, db) // want `\*sql\.Conn acquired here is not released on the path returning at line 20 \(call Close, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func openGood(ctx context.Context, db *sql.DB) error {
	conn, err := lib.Open(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

func openCheckedBad(ctx context.Context, db *sql.DB) error {
	conn, err := lib.OpenChecked(ctx, db) // want `\*sql\.Conn acquired here is not released on the path returning at line 37`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func openCheckedGood(ctx context.Context, db *sql.DB) error {
	conn, err := lib.OpenChecked(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

func fetchBad(c *http.Client, u string) (int, error) {
	resp, err := lib.Fetch(c, u) // want `\*http\.Response acquired here is not released on the path returning at line 54`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func fetchGood(c *http.Client, u string) (int, error) {
	resp, err := lib.Fetch(c, u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// A wrapper of a wrapper, in this package.
func reopen(ctx context.Context, db *sql.DB) (*sql.Conn, error) { return lib.Open(ctx, db) }

func reopenBad(ctx context.Context, db *sql.DB) error {
	conn, err := reopen(ctx, db) // want `\*sql\.Conn acquired here is not released on the path returning at line 74`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func reopenGood(ctx context.Context, db *sql.DB) error {
	conn, err := reopen(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// Releasers: lib.CloseAll(rows) releases at the call.
func closeAllBad(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 93`
	if err != nil {
		return err
	}
	lib.Peek(rows)
	return nil
}

func closeAllGood(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	lib.CloseAll(rows)
	return nil
}

func deferCloseAllGood(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer lib.CloseAll(rows)
	return lib.Peek(rows)
}

// Borrowers: lib.Use(conn) only uses it; the caller must still release it.
func borrowBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 120`
	if err != nil {
		return err
	}
	return lib.Use(ctx, conn)
}

func borrowGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return lib.Use(ctx, conn)
}

// Keepers: lib.Register(conn) stores it in a global, so it is handed on.
func keepBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 139`
	if err != nil {
		return err
	}
	lib.Use(ctx, conn)
	return nil
}

func keepGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	lib.Register(conn)
	return nil
}

// Ties through a fact: lib.Prepare's Stmt closes, with its Rows, when the
// Tx it was given ends; without that end both are held.
func tiedBad(tx *sql.Tx) (bool, error) {
	stmt, err := lib.Prepare(tx, "SELECT ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 160`
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 162`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func tiedGood(tx *sql.Tx) (bool, error) {
	defer tx.Rollback()
	stmt, err := lib.Prepare(tx, "SELECT ?")
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1)
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// A HEAD request sent through lib.Send gets no body; a GET does.
func sendGetBad(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := lib.Send(c, req) // want `\*http\.Response acquired here is not released on the path returning at line 188`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func sendHeadGood(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := lib.Send(c, req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
