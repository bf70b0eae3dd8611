package resource

// SQL drivers: pgx (v5 and v4), ClickHouse.

const (
	pgx       = "github.com/jackc/pgx/v5"
	pgxpool   = "github.com/jackc/pgx/v5/pgxpool"
	pgx4      = "github.com/jackc/pgx/v4"
	pgxpool4  = "github.com/jackc/pgx/v4/pgxpool"
	chdriver  = "github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	clickhous = "github.com/ClickHouse/clickhouse-go/v2"
)

var pgxCatalog = Catalog{
	Library: "github.com/jackc/pgx/v5",
	Tests:   "testdata/src/rc/families/pgx.go",
	Families: []Family{
		{Key: pgxpool + ".Conn", Display: "*pgxpool.Conn", Release: []string{"Release", "Hijack"}},
		{Key: pgx + ".Tx", Display: "pgx.Tx", Release: []string{"Commit", "Rollback"}, ReleaseTwiceSafe: true, DeferFix: "Rollback($ctx)"},
		{Key: pgx + ".Rows", Display: "pgx.Rows", Release: []string{"Close"}, ReleasedWhenFalse: []string{"Next"}, ReleasedOnError: []string{"Scan", "Values"}, AfterRelease: []string{"Err", "CommandTag", "Next"}, ReleaseTwiceSafe: true},
		{Key: pgx + ".BatchResults", Display: "pgx.BatchResults", Release: []string{"Close"}, AfterRelease: []string{"Tx"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		pgxpool + ".Pool.Acquire":   pgxpool + ".Conn",
		pgxpool + ".Pool.Begin":     pgx + ".Tx",
		pgxpool + ".Pool.BeginTx":   pgx + ".Tx",
		pgxpool + ".Conn.Begin":     pgx + ".Tx",
		pgxpool + ".Conn.BeginTx":   pgx + ".Tx",
		pgx + ".Conn.Begin":         pgx + ".Tx",
		pgx + ".Conn.BeginTx":       pgx + ".Tx",
		pgxpool + ".Pool.Query":     pgx + ".Rows",
		pgxpool + ".Conn.Query":     pgx + ".Rows",
		pgx + ".Conn.Query":         pgx + ".Rows",
		pgx + ".Tx.Query":           pgx + ".Rows",
		pgxpool + ".Pool.SendBatch": pgx + ".BatchResults",
		pgxpool + ".Conn.SendBatch": pgx + ".BatchResults",
		pgx + ".Conn.SendBatch":     pgx + ".BatchResults",
		pgx + ".Tx.SendBatch":       pgx + ".BatchResults",
	},
	Releasers: map[string]int{
		pgx + ".CollectRows":          0,
		pgx + ".CollectOneRow":        0,
		pgx + ".CollectExactlyOneRow": 0,
		pgx + ".AppendRows":           1,
		pgx + ".ForEachRow":           0,
	},
	// The *Conn of AcquireFunc goes back to the pool when f returns, the Tx
	// of BeginFunc and BeginTxFunc is committed or rolled back then.
	Lenders: map[string]int{
		pgxpool + ".Pool.AcquireFunc": 2,
		pgx + ".BeginFunc":            2,
		pgx + ".BeginTxFunc":          3,
	},
	Notes: map[string]string{
		pgxpool + ".Conn": "`(*pgxpool.Pool).AcquireFunc` lends one to its callback, which it must not escape",
		pgx + ".Tx":       "`pgx.BeginFunc` and `pgx.BeginTxFunc` lend one to their callback, which it must not escape",
	},
	// Tx.Begin starts a savepoint, which the parent's Commit or Rollback
	// ends: it is part of its parent, not a resource of its own (the
	// interface rule would otherwise make it an acquisition, its result
	// being a pgx.Tx).
	NotAcquirers: []string{pgx + ".Tx.Begin"},
}

// pgx v4: the same shapes as v5, without the Collect helpers. Rows close
// themselves when Next reports the end or Scan/Values fail (connRows.fatal).
var pgx4Catalog = Catalog{
	Library: "github.com/jackc/pgx/v4",
	Tests:   "testdata/src/rc/families/pgxv4.go",
	Families: []Family{
		{Key: pgxpool4 + ".Conn", Display: "*pgxpool.Conn", Release: []string{"Release", "Hijack"}},
		{Key: pgx4 + ".Tx", Display: "pgx.Tx", Release: []string{"Commit", "Rollback"}, ReleaseTwiceSafe: true, DeferFix: "Rollback($ctx)"},
		{Key: pgx4 + ".Rows", Display: "pgx.Rows", Release: []string{"Close"}, ReleasedWhenFalse: []string{"Next"}, ReleasedOnError: []string{"Scan", "Values"}, AfterRelease: []string{"Err", "CommandTag", "Next"}, ReleaseTwiceSafe: true},
		{Key: pgx4 + ".BatchResults", Display: "pgx.BatchResults", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		pgxpool4 + ".Pool.Acquire":   pgxpool4 + ".Conn",
		pgxpool4 + ".Pool.Begin":     pgx4 + ".Tx",
		pgxpool4 + ".Pool.BeginTx":   pgx4 + ".Tx",
		pgxpool4 + ".Conn.Begin":     pgx4 + ".Tx",
		pgxpool4 + ".Conn.BeginTx":   pgx4 + ".Tx",
		pgx4 + ".Conn.Begin":         pgx4 + ".Tx",
		pgx4 + ".Conn.BeginTx":       pgx4 + ".Tx",
		pgxpool4 + ".Pool.Query":     pgx4 + ".Rows",
		pgxpool4 + ".Conn.Query":     pgx4 + ".Rows",
		pgx4 + ".Conn.Query":         pgx4 + ".Rows",
		pgx4 + ".Tx.Query":           pgx4 + ".Rows",
		pgxpool4 + ".Pool.SendBatch": pgx4 + ".BatchResults",
		pgxpool4 + ".Conn.SendBatch": pgx4 + ".BatchResults",
		pgx4 + ".Conn.SendBatch":     pgx4 + ".BatchResults",
		pgx4 + ".Tx.SendBatch":       pgx4 + ".BatchResults",
	},
	NotAcquirers: []string{pgx4 + ".Tx.Begin"}, // a savepoint, as in v5
	Lenders:      map[string]int{pgxpool4 + ".Pool.AcquireFunc": 2},
	Notes: map[string]string{
		pgxpool4 + ".Conn": "`(*pgxpool.Pool).AcquireFunc` lends one to its callback, which it must not escape",
	},
}

// clickhouse-go v2's native API: everything is an interface of lib/driver.
// Rows close themselves once Next returns false (rows.Next defers
// r.Close() when it reports the end), and HasData reports false on closed
// rows. A batch is finished by Send, Abort or Close, and its docs recommend
// `defer batch.Close()` next to Send. A failing Append releases the batch
// (b.release(err) before it returns; a batch already sent or failed returns
// its stored error) — except Append of a *rows, an experimental path whose
// Flush errors keep it; AppendStruct fails before it reaches the batch when
// the struct does not map, so it is no release.
var clickhouseCatalog = Catalog{
	Library: clickhous,
	Tests:   "testdata/src/rc/families/clickhouse.go",
	Families: []Family{
		{Key: chdriver + ".Conn", Display: "driver.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
		{Key: chdriver + ".Rows", Display: "driver.Rows", Release: []string{"Close"}, ReleasedWhenFalse: []string{"Next"}, AfterRelease: []string{"Err", "Next", "Totals", "Columns", "ColumnTypes", "HasData"}, ReleaseTwiceSafe: true},
		{Key: chdriver + ".Batch", Display: "driver.Batch", Release: []string{"Send", "Abort", "Close"}, ReleasedOnError: []string{"Append"}, AfterRelease: []string{"IsSent", "Rows"}, ReleaseTwiceSafe: true, DeferFix: "Close()"},
	},
	Acquirers: map[string]string{
		clickhous + ".Open":             chdriver + ".Conn",
		chdriver + ".Conn.Query":        chdriver + ".Rows",
		chdriver + ".Conn.PrepareBatch": chdriver + ".Batch",
	},
}
