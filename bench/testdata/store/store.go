// Package store leaks database/sql resources and pool connections, some
// through the helpers of package pool (known here only by their facts).
package store

import (
	"context"
	"database/sql"
	"errors"

	"example.com/det/pool"
)

func ping(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return conn.Close()
}

func names(db *sql.DB) ([]string, error) {
	rows, err := db.Query("select name from t")
	if err != nil {
		return nil, err
	}
	var out []string
	var s string
	if err := rows.Scan(&s); err != nil {
		return nil, err
	}
	return append(out, s), nil
}

func update(ctx context.Context, db *sql.DB, fail bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if fail {
		return errors.New("failed")
	}
	return tx.Commit()
}

func run(p *pool.Pool, q string) error {
	c, err := pool.Borrow(p)
	if err != nil {
		return err
	}
	if err := c.Exec(q); err != nil {
		return err
	}
	pool.Done(c)
	return nil
}

func loop(ctx context.Context, p *pool.Pool, qs []string) {
	for _, q := range qs {
		c, err := p.Get(ctx)
		if err != nil {
			continue
		}
		_ = c.Exec(q)
	}
}

func watch(ctx context.Context, db *sql.DB) {
	context.AfterFunc(ctx, func() { db.Close() })
}
