// Package queryrow: a wrapper that converts what it acquired to a type // want package:`queryrow\.connRow\.Scan: summary\(release, borrow\)`
// with no release method becomes an acquisition for its callers.
//
// Found in pgx v5.12.0: (*pgx.Conn).QueryRow is
//
//	rows, _ := c.Query(ctx, sql, args...)
//	return (*connRow)(rows.(*baseRows))
//
// so the engine gives QueryRow an AcquireFact (result 0 is the pgx.Rows it
// acquired). Its result is a pgx.Row, whose only method, Scan, closes the
// rows; the caller cannot call Close and has nothing to release. Every
// `conn.QueryRow(...).Scan(...)` in pgx and in any program using it is
// reported: 262 of the 288 reports on pgx.
//
// Expected: silent. A wrapper whose result type has none of the family's
// release methods (after a conversion, or as an interface that lacks them)
// hands the resource to that type's methods: it is not an acquisition.
package queryrow

type Conn struct{}

type Rows struct{ open bool }

// Query runs a query.
//
//connlint:acquire
func (c *Conn) Query(q string) (*Rows, error) { return &Rows{open: true}, nil } // want Query:`acquires \*queryrow\.Rows \(result 0\)`

// Close releases the rows.
//
//connlint:release
func (r *Rows) Close() { r.open = false } // want Close:`release`

func (r *Rows) Next() bool { return r.open }

// Row is what QueryRow returns: Scan reads the first row and closes.
type Row interface{ Scan(dest ...any) error }

type connRow Rows

func (r *connRow) Scan(dest ...any) error {
	rows := (*Rows)(r)
	defer rows.Close()
	rows.Next()
	return nil
}

// QueryRow is a convenience wrapper over Query, as in pgx.
func (c *Conn) QueryRow(q string) Row {
	rows, _ := c.Query(q)
	return (*connRow)(rows)
}

func count(c *Conn) (int, error) {
	var n int
	err := c.QueryRow("select count(*) from t").Scan(&n) // reported before 5d70161: "*queryrow.Rows acquired here is not released"
	return n, err
}
