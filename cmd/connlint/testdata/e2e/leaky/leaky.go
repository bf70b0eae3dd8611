// Package leaky leaks a connection on its only path: one finding, with a
// suggested fix (defer conn.Close() after the error check).
package leaky

import (
	"context"
	"database/sql"
)

// Ping never gives the connection back to the pool.
func Ping(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}
