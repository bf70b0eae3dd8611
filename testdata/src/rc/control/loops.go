// Package control pins down paths through loops (continue, break, labels),
// switch and select arms, paths that cannot return, and the branches on
// which nothing was acquired. Each buggy case (with a want) is followed by
// its correct twin, which differs in one line.
package control

import (
	"context"
	"database/sql"
	"errors"
)

var errNotOK = errors.New("not ok")

// continue skips the Close: the loop comes back and acquires again.
func continueBad(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q) // want `\*sql\.Rows acquired here is not released before the loop comes back and acquires the next one \(call Close\)`
		if err != nil {
			return err
		}
		if q == "" {
			continue
		}
		rows.Close()
	}
	return nil
}

func continueGood(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q)
		if err != nil {
			return err
		}
		if q == "" {
			rows.Close()
			continue
		}
		rows.Close()
	}
	return nil
}

// break skips the Close: the return after the loop leaks.
func breakBad(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q) // want `\*sql\.Rows acquired here is not released on the path returning at line 57 \(call Close\)`
		if err != nil {
			return err
		}
		if q == "" {
			break
		}
		rows.Close()
	}
	return nil
}

func breakGood(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q)
		if err != nil {
			return err
		}
		if q == "" {
			rows.Close()
			break
		}
		rows.Close()
	}
	return nil
}

// A return inside the loop body before the Close.
func returnInLoopBad(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q) // want `\*sql\.Rows acquired here is not released on the path returning at line 83`
		if err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

func returnInLoopGood(db *sql.DB, qs []string) error {
	for _, q := range qs {
		rows, err := db.Query(q)
		if err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
	}
	return nil
}

// break out of an outer loop from an inner one.
func labelledBreakBad(db *sql.DB, groups [][]string) error {
outer:
	for _, g := range groups {
		for _, q := range g {
			rows, err := db.Query(q) // want `\*sql\.Rows acquired here is not released on the path returning at line 120`
			if err != nil {
				return err
			}
			if q == "" {
				break outer
			}
			rows.Close()
		}
	}
	return nil
}

func labelledBreakGood(db *sql.DB, groups [][]string) error {
outer:
	for _, g := range groups {
		for _, q := range g {
			rows, err := db.Query(q)
			if err != nil {
				return err
			}
			if q == "" {
				rows.Close()
				break outer
			}
			rows.Close()
		}
	}
	return nil
}

// continue an outer loop from an inner one: the inner loop starts again and
// acquires the next one.
func labelledContinueBad(db *sql.DB, groups [][]string) error {
outer:
	for _, g := range groups {
		for _, q := range g {
			rows, err := db.Query(q) // want `\*sql\.Rows acquired here is not released before the loop comes back and acquires the next one`
			if err != nil {
				return err
			}
			if q == "" {
				continue outer
			}
			rows.Close()
		}
	}
	return nil
}

func labelledContinueGood(db *sql.DB, groups [][]string) error {
outer:
	for _, g := range groups {
		for _, q := range g {
			rows, err := db.Query(q)
			if err != nil {
				return err
			}
			if q == "" {
				rows.Close()
				continue outer
			}
			rows.Close()
		}
	}
	return nil
}

// An acquisition before the loop, released after it: break reaches the
// release, a return inside the loop does not.
func beforeLoopBad(ctx context.Context, db *sql.DB, n int) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 187`
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := conn.PingContext(ctx); err != nil {
			return err
		}
		if i > 3 {
			break
		}
	}
	return conn.Close()
}

func beforeLoopGood(ctx context.Context, db *sql.DB, n int) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for i := 0; i < n; i++ {
		if err := conn.PingContext(ctx); err != nil {
			return err
		}
		if i > 3 {
			break
		}
	}
	return conn.Close()
}

// Rows close themselves when Next reports false, but not when the loop is
// left early.
func nextLoopBreakBad(db *sql.DB, limit int) (n int, err error) {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 225`
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if n++; n == limit {
			break
		}
	}
	return n, rows.Err()
}

func nextLoopBreakGood(db *sql.DB, limit int) (n int, err error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		if n++; n == limit {
			break
		}
	}
	return n, rows.Err()
}

// Exhausting the rows releases them.
func nextLoopExhaustedGood(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
