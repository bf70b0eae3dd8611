package families

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgx.CollectRows and its friends release the Rows they are given; a plain
// row function such as pgx.RowToMap does not.
func pgxCollectBad(ctx context.Context, pool *pgxpool.Pool) (map[string]any, error) {
	rows, err := pool.Query(ctx, "SELECT 1") // want `pgx\.Rows acquired here is not released on the path returning at line 17`
	if err != nil {
		return nil, err
	}
	return pgx.RowToMap(rows)
}

func pgxCollectOneRowGood(ctx context.Context, pool *pgxpool.Pool) (map[string]any, error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return pgx.CollectOneRow(rows, pgx.RowToMap)
}

func pgxCollectRowsGood(ctx context.Context, pool *pgxpool.Pool) ([]map[string]any, error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToMap)
}

func pgxCollectExactlyOneRowGood(ctx context.Context, pool *pgxpool.Pool) (map[string]any, error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return pgx.CollectExactlyOneRow(rows, pgx.RowToMap)
}

func pgxAppendRowsGood(ctx context.Context, pool *pgxpool.Pool, dst []int) ([]int, error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return pgx.AppendRows(dst, rows, pgx.RowTo[int])
}

func pgxForEachRowGood(ctx context.Context, pool *pgxpool.Pool) (n int, err error) {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	_, err = pgx.ForEachRow(rows, []any{&n}, func() error { return nil })
	return n, err
}

// SendBatch -> pgx.BatchResults.Close (no error result to check).
func pgxPoolSendBatchBad(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) error {
	br := pool.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 65 \(call Close, or defer br\.Close\(\) right after acquiring it\)`
	_, err := br.Exec()
	return err
}

func pgxPoolSendBatchGood(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) error {
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

func pgxPoolConnSendBatchBad(ctx context.Context, c *pgxpool.Conn, b *pgx.Batch) error {
	br := c.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 78`
	_, err := br.Exec()
	return err
}

func pgxPoolConnSendBatchGood(ctx context.Context, c *pgxpool.Conn, b *pgx.Batch) error {
	br := c.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

func pgxConnSendBatchBad(ctx context.Context, c *pgx.Conn, b *pgx.Batch) error {
	br := c.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 91`
	_, err := br.Exec()
	return err
}

func pgxConnSendBatchGood(ctx context.Context, c *pgx.Conn, b *pgx.Batch) error {
	br := c.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

func pgxTxSendBatchBad(ctx context.Context, tx pgx.Tx, b *pgx.Batch) error {
	br := tx.SendBatch(ctx, b) // want `pgx\.BatchResults acquired here is not released on the path returning at line 104`
	_, err := br.Exec()
	return err
}

func pgxTxSendBatchGood(ctx context.Context, tx pgx.Tx, b *pgx.Batch) error {
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}
