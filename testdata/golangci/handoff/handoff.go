// Package handoff passes a connection to an interface method: by default
// the callee is assumed to take it over; with the strict setting it only
// borrows it, and the connection leaks.
package handoff

import (
	"context"
	"database/sql"
)

// Sink uses connections.
type Sink interface{ Use(*sql.Conn) }

// Hand gives the connection to s.
func Hand(ctx context.Context, db *sql.DB, s Sink) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	s.Use(conn)
	return nil
}
