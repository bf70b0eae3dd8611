package families

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxpool Pool.Acquire -> Conn.Release.
func pgxAcquireBad(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx) // want `\*pgxpool\.Conn acquired here is not released on the path returning at line 16 \(call Release or Hijack, or defer c\.Release\(\) after the error check\)`
	if err != nil {
		return err
	}
	return c.Ping(ctx)
}

func pgxAcquireGood(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Ping(ctx)
}

// pgxpool Conn.Hijack also ends the lease (the caller now owns a *pgx.Conn,
// which is not a pool resource).
func pgxHijackBad(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	c, err := pool.Acquire(ctx) // want `\*pgxpool\.Conn acquired here is not released on the path returning at line 36`
	if err != nil {
		return nil, err
	}
	if err := c.Ping(ctx); err != nil {
		return nil, err
	}
	return c.Hijack(), nil
}

func pgxHijackGood(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
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

// Returning the *pgx.Conn underneath a lease (c.Conn() instead of
// c.Hijack()) does not hand the lease on: it is still never released.
func pgxInnerConnBad(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	c, err := pool.Acquire(ctx) // want `\*pgxpool\.Conn acquired here is not released on the path returning at line 60`
	if err != nil {
		return nil, err
	}
	return c.Conn(), nil
}

// pgxpool Pool.Begin -> pgx.Tx Commit or Rollback.
func pgxPoolBeginBad(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 70 \(call Commit or Rollback, or defer tx\.Rollback\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func pgxPoolBeginGood(ctx context.Context, pool *pgxpool.Pool) error {
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

// pgxpool Pool.BeginTx -> pgx.Tx.
func pgxPoolBeginTxBad(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 94`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgxPoolBeginTxGood(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// pgxpool Conn.Begin -> pgx.Tx.
func pgxPoolConnBeginBad(ctx context.Context, c *pgxpool.Conn) error {
	tx, err := c.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 114`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgxPoolConnBeginGood(ctx context.Context, c *pgxpool.Conn) error {
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// pgxpool Conn.BeginTx -> pgx.Tx.
func pgxPoolConnBeginTxBad(ctx context.Context, c *pgxpool.Conn) error {
	tx, err := c.BeginTx(ctx, pgx.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 134`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgxPoolConnBeginTxGood(ctx context.Context, c *pgxpool.Conn) error {
	tx, err := c.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// pgx Conn.Begin -> pgx.Tx.
func pgxConnBeginBad(ctx context.Context, c *pgx.Conn) error {
	tx, err := c.Begin(ctx) // want `pgx\.Tx acquired here is not released on the path returning at line 154`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgxConnBeginGood(ctx context.Context, c *pgx.Conn) error {
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// pgx Conn.BeginTx -> pgx.Tx.
func pgxConnBeginTxBad(ctx context.Context, c *pgx.Conn) error {
	tx, err := c.BeginTx(ctx, pgx.TxOptions{}) // want `pgx\.Tx acquired here is not released on the path returning at line 174`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

func pgxConnBeginTxGood(ctx context.Context, c *pgx.Conn) error {
	tx, err := c.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, "DELETE FROM t")
	return err
}

// pgxpool Pool.Query -> pgx.Rows.Close.
func pgxPoolQueryBad(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 193 \(call Close, or defer rows\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return rows.Err()
}

func pgxPoolQueryGood(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// pgxpool Conn.Query -> pgx.Rows.Close.
func pgxPoolConnQueryBad(ctx context.Context, c *pgxpool.Conn) error {
	rows, err := c.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 211`
	if err != nil {
		return err
	}
	return rows.Err()
}

func pgxPoolConnQueryGood(ctx context.Context, c *pgxpool.Conn) error {
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// pgx Conn.Query -> pgx.Rows.Close.
func pgxConnQueryBad(ctx context.Context, c *pgx.Conn) error {
	rows, err := c.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 229`
	if err != nil {
		return err
	}
	return rows.Err()
}

func pgxConnQueryGood(ctx context.Context, c *pgx.Conn) error {
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// pgx Tx.Query (an interface method) -> pgx.Rows.Close.
func pgxTxQueryBad(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 247`
	if err != nil {
		return err
	}
	return rows.Err()
}

func pgxTxQueryGood(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}
