// Package leaky leaks connections; some reports are silenced.
package leaky

import (
	"context"
	"database/sql"
)

// Ping never gives the connection back: reported.
func Ping(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// Nolint is silenced on the acquisition's line, by connlint itself and by
// golangci-lint.
func Nolint(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) //nolint:connlint // closed by the caller's reaper
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// WholeFunction is silenced by golangci-lint's own nolint handling: a
// directive on a declaration covers its whole body (standalone connlint,
// which looks at the report's line and the line above, still reports it).
//
//nolint:connlint // test fixture
func WholeFunction(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}
