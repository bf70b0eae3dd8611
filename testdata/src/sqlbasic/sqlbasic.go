package sqlbasic

import (
	"context"
	"database/sql"
	"errors"
)

var errNotOK = errors.New("not ok")

func earlyReturn(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 17 \(call Close, or defer conn.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	if !ok {
		return errNotOK
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

func deferredTwin(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if !ok {
		return errNotOK
	}
	return conn.PingContext(ctx)
}
