package families

import (
	"context"

	pgx4 "github.com/jackc/pgx/v4"
	pgxpool4 "github.com/jackc/pgx/v4/pgxpool"
)

// pgx v4 (github.com/jackc/pgx/v4): the same families as v5, under v4's
// import paths.

// pgxpool Pool.Acquire -> Conn.Release.
func pgx4AcquireBad(ctx context.Context, pool *pgxpool4.Pool) error {
	c, err := pool.Acquire(ctx) // want `\*pgxpool\.Conn acquired here is not released on the path returning at line 19 \(call Release or Hijack, or defer c\.Release\(\) after the error check\)`
	if err != nil {
		return err
	}
	return c.Ping(ctx)
}

func pgx4AcquireGood(ctx context.Context, pool *pgxpool4.Pool) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Ping(ctx)
}

// Hijack ends the lease too.
func pgx4HijackBad(ctx context.Context, pool *pgxpool4.Pool) (*pgx4.Conn, error) {
	c, err := pool.Acquire(ctx) // want `\*pgxpool\.Conn acquired here is not released on the path returning at line 38`
	if err != nil {
		return nil, err
	}
	if err := c.Ping(ctx); err != nil {
		return nil, err
	}
	return c.Hijack(), nil
}

func pgx4HijackGood(ctx context.Context, pool *pgxpool4.Pool) (*pgx4.Conn, error) {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.Ping(ctx); err != nil {
		c.Release()
		return nil, err
	}
	return c.Hijack(), nil
}

// Begin on the pool, a pooled conn and a pgx.Conn -> Tx.Commit or Rollback;
// the fix defers Rollback with the acquisition's context.
func pgx4PoolBeginBad(ctx context.Context, pool *pgxpool4.Pool) error {
	tx, err := pool.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 63 \(call Commit or Rollback, or defer tx\.Rollback\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func pgx4PoolBeginGood(ctx context.Context, pool *pgxpool4.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func pgx4PoolBeginTxBad(ctx context.Context, pool *pgxpool4.Pool) error {
	tx, err := pool.BeginTx(ctx, pgx4.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 86`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4PoolBeginTxGood(ctx context.Context, pool *pgxpool4.Pool) error {
	tx, err := pool.BeginTx(ctx, pgx4.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4PoolConnBeginBad(ctx context.Context, c *pgxpool4.Conn) error {
	tx, err := c.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 105`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4PoolConnBeginGood(ctx context.Context, c *pgxpool4.Conn) error {
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4PoolConnBeginTxBad(ctx context.Context, c *pgxpool4.Conn) error {
	tx, err := c.BeginTx(ctx, pgx4.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 124`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4PoolConnBeginTxGood(ctx context.Context, c *pgxpool4.Conn) error {
	tx, err := c.BeginTx(ctx, pgx4.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4ConnBeginBad(ctx context.Context, c *pgx4.Conn) error {
	tx, err := c.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 143`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4ConnBeginGood(ctx context.Context, c *pgx4.Conn) error {
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4ConnBeginTxBad(ctx context.Context, c *pgx4.Conn) error {
	tx, err := c.BeginTx(ctx, pgx4.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 162`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgx4ConnBeginTxGood(ctx context.Context, c *pgx4.Conn) error {
	tx, err := c.BeginTx(ctx, pgx4.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// Query -> Rows.Close, or Next returning false, or Scan failing.
func pgx4PoolQueryBad(ctx context.Context, pool *pgxpool4.Pool) (int, error) {
	rows, err := pool.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 185 \(call Close, or defer rows\.Close\(\) after the error check\)`
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		rows.Scan(&n)
	}
	return n, nil
}

func pgx4PoolQueryGood(ctx context.Context, pool *pgxpool4.Pool) (int, error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	var n int
	for rows.Next() {
		rows.Scan(&n)
	}
	return n, rows.Err()
}

func pgx4PoolConnQueryBad(ctx context.Context, c *pgxpool4.Conn) (int, error) {
	rows, err := c.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 211`
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func pgx4PoolConnQueryGood(ctx context.Context, c *pgxpool4.Conn) (int, error) {
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func pgx4ConnQueryBad(ctx context.Context, c *pgx4.Conn) ([]any, error) {
	rows, err := c.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 237`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	return rows.Values()
}

func pgx4ConnQueryGood(ctx context.Context, c *pgx4.Conn) ([]any, error) {
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	return rows.Values()
}

func pgx4TxQueryBad(ctx context.Context, tx pgx4.Tx) (int, error) {
	rows, err := tx.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 263`
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err // Scan failed: the rows closed themselves
		}
	}
	return n, nil
}

func pgx4TxQueryGood(ctx context.Context, tx pgx4.Tx) (int, error) {
	rows, err := tx.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	rows.Close()
	return n, rows.Err()
}

// SendBatch -> BatchResults.Close.
func pgx4PoolSendBatchBad(ctx context.Context, pool *pgxpool4.Pool, b *pgx4.Batch) error {
	br := pool.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 285 \(call Close, or defer br\.Close\(\) right after acquiring it\)`
	_, err := br.Exec()
	return err
}

func pgx4PoolSendBatchGood(ctx context.Context, pool *pgxpool4.Pool, b *pgx4.Batch) error {
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

func pgx4PoolConnSendBatchBad(ctx context.Context, c *pgxpool4.Conn, b *pgx4.Batch) error {
	br := c.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 298`
	_, err := br.Exec()
	return err
}

func pgx4PoolConnSendBatchGood(ctx context.Context, c *pgxpool4.Conn, b *pgx4.Batch) error {
	br := c.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

func pgx4ConnSendBatchBad(ctx context.Context, c *pgx4.Conn, b *pgx4.Batch) error {
	br := c.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 311`
	_, err := br.Exec()
	return err
}

func pgx4ConnSendBatchGood(ctx context.Context, c *pgx4.Conn, b *pgx4.Batch) error {
	br := c.SendBatch(ctx, b)
	_, err := br.Exec()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	return err
}

func pgx4TxSendBatchBad(ctx context.Context, tx pgx4.Tx, b *pgx4.Batch) error {
	br := tx.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 326`
	_, err := br.Exec()
	return err
}

func pgx4TxSendBatchGood(ctx context.Context, tx pgx4.Tx, b *pgx4.Batch) error {
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

// Tx.Begin starts a savepoint, which the parent's Commit or Rollback ends:
// no acquisition of its own.
func pgx4SavepointGood(ctx context.Context, tx pgx4.Tx) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = sp.Exec(ctx, "DELETE FROM t")
	return err
}
