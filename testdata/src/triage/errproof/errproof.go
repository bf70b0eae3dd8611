// Package errproof: the error result is proven non-nil by something other
// than `err != nil`.
//
// Found in std database/sql/sql_test.go:434, :478 and net/http
// client_test.go:304, transport_test.go:4982:
//
//	_, err = tx.QueryContext(ctx, q)
//	if err != context.Canceled { t.Fatal(...) }
//
//	_, err := c.Do(req)
//	ue, ok := err.(*url.Error)
//	if !ok { t.Fatal(...) }
//
// Where the code goes on, err equals a non-nil sentinel, or holds a
// concrete type, so the acquisition failed and returned nothing to release.
//
// Expected: silent. Treat `err == X` (X a non-nil package-level error
// variable), errors.Is(err, X), and a successful type assertion or
// errors.As on err like `err != nil` on that branch.
package errproof

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"net/url"
)

var errStop = errors.New("stop")

func sentinel(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "select 1") // reported before 5d70161: "*sql.Rows acquired here is not released"
	if err != context.Canceled {
		panic("want context.Canceled")
	}
	return err
}

func assertion(c *http.Client, req *http.Request) error {
	_, err := c.Do(req) // reported before 5d70161: "*http.Response acquired here is not released"
	ue, ok := err.(*url.Error)
	if !ok {
		panic("want a *url.Error")
	}
	return ue
}

func is(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "select 1") // reported before 5d70161
	if !errors.Is(err, errStop) {
		panic("want errStop")
	}
	return err
}
