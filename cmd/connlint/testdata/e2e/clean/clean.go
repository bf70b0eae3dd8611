// Package clean releases everything it acquires: connlint exits 0.
package clean

import (
	"context"
	"database/sql"
)

// Ping borrows a connection and gives it back.
func Ping(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}
