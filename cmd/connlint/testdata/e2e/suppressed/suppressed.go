// Package suppressed leaks in every function; all reports but the last are
// suppressed.
package suppressed

import (
	"context"
	"database/sql"
)

// NolintConnlint is silenced on the acquisition's line.
func NolintConnlint(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) //nolint:connlint // handed to the caller's pool by hand
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// NolintAll is silenced on the line above.
func NolintAll(ctx context.Context, db *sql.DB) error {
	//nolint:all
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// NolintAnalyzer names the analyzer.
func NolintAnalyzer(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) //nolint:errcheck,reservedclose
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// Ignore gives a reason.
func Ignore(ctx context.Context, db *sql.DB) error {
	//connlint:ignore the connection is closed by the session reaper
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// OtherLinter silences another linter only: still reported.
func OtherLinter(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) //nolint:errcheck
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}
