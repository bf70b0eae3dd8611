// Package lib holds helpers whose summaries travel to package use as facts: // want package:`lib\.CloseAll: summary\(release\).*lib\.Prepare: summary\(borrow ties 1, borrow\).*lib\.Register: summary\(keep\).*lib\.Send: summary\(keep, keep sends 1\)`
// a wrapper that returns what it acquired, one whose result the library
// releases with an argument, one sending the request it is given, a releaser, a borrower and a keeper. It has no
// leaks of its own.
package lib

import (
	"context"
	"database/sql"
	"net/http"
)

var registry []*sql.Conn

// Open returns the connection it acquired: its callers must release it.
func Open(ctx context.Context, db *sql.DB) (*sql.Conn, error) { // want Open:`acquires \*sql\.Conn \(result 0\)`
	return db.Conn(ctx)
}

// OpenChecked returns the connection it acquired once it answers, and
// closes it otherwise.
func OpenChecked(ctx context.Context, db *sql.DB) (*sql.Conn, error) { // want OpenChecked:`acquires \*sql\.Conn \(result 0\)`
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if err := conn.PingContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// Fetch returns the response it acquired.
func Fetch(c *http.Client, u string) (*http.Response, error) { // want Fetch:`acquires \*http\.Response \(result 0\)`
	return c.Get(u)
}

// Prepare returns the statement it prepared on tx: the end of tx closes it
// (and its Rows), as a Close would.
func Prepare(tx *sql.Tx, q string) (*sql.Stmt, error) { // want Prepare:`acquires \*sql\.Stmt \(result 0\)`
	return tx.Prepare(q)
}

// Send sends the request it is given, unchanged: a HEAD request gets a
// response with no body.
func Send(c *http.Client, req *http.Request) (*http.Response, error) { // want Send:`acquires \*http\.Response \(result 0\)`
	return c.Do(req)
}

// CloseAll drains and closes rows: a release at the call.
func CloseAll(rows *sql.Rows) {
	for rows.Next() {
	}
	rows.Close()
}

// Peek only looks at rows.
func Peek(rows *sql.Rows) error { return rows.Err() }

// Use only uses conn: the caller must still release it.
// It gets no summary fact: no fact means "borrows" (see ownership.Summaries).
func Use(ctx context.Context, conn *sql.Conn) error {
	return conn.PingContext(ctx)
}

// Register stores conn in a global: it is handed on.
func Register(conn *sql.Conn) {
	registry = append(registry, conn)
}
