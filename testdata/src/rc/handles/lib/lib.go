// Package lib returns connections with the function that releases them.
package lib

import (
	"context"
	"database/sql"
)

// Conn returns a connection and the cleanup that closes it.
func Conn(ctx context.Context, db *sql.DB) (*sql.Conn, func(), error) { // want Conn:`acquires \*sql.Conn \(result 0\)`
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	return c, func() { c.Close() }, nil
}
