// Package fields: the owning-field rule. A struct that acquires a resource
// into a field owns it; its release methods must release it on every path.
package fields

import (
	"context"
	"database/sql"
	"errors"
)

// Pair owns two connections; its Close forgets one.
type Pair struct {
	conn *sql.Conn
	aux  *sql.Conn
}

func OpenPair(ctx context.Context, db *sql.DB) (*Pair, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	a, err := db.Conn(ctx)
	if err != nil {
		c.Close()
		return nil, err
	}
	return &Pair{conn: c, aux: a}, nil
}

func (p *Pair) Close() error { // want `Pair.Close releases conn but leaves aux held on the path returning at line 31: the \*sql.Conn acquired into Pair.aux at line 27 is not released on that path \(call Close on p.aux in Close\)`
	return p.conn.Close()
}

// Twin is the same, with a Close that releases both.
type Twin struct {
	conn *sql.Conn
	aux  *sql.Conn
}

func OpenTwin(ctx context.Context, db *sql.DB) (*Twin, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	a, err := db.Conn(ctx)
	if err != nil {
		c.Close()
		return nil, err
	}
	return &Twin{conn: c, aux: a}, nil
}

func (t *Twin) Close() error {
	return errors.Join(t.conn.Close(), t.aux.Close())
}

// Lazy acquires into its field in a method; Close releases it when set.
type Lazy struct {
	db   *sql.DB
	conn *sql.Conn
}

func (l *Lazy) connect(ctx context.Context) error {
	c, err := l.db.Conn(ctx)
	if err != nil {
		return err
	}
	l.conn = c
	return nil
}

func (l *Lazy) Close() error {
	if l.conn == nil {
		return nil
	}
	return l.conn.Close()
}

// Early returns before the release, unless the release is deferred.
type Early struct {
	conn  *sql.Conn
	stats map[string]int
}

func (e *Early) open(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	e.conn = c
	return nil
}

var errBusy = errors.New("busy")

func (e *Early) Close() error { // want `Early.Close leaves conn held on the path returning at line 98`
	if len(e.stats) > 0 {
		return errBusy
	}
	return e.conn.Close()
}

type Deferred struct {
	conn  *sql.Conn
	stats map[string]int
}

func (d *Deferred) open(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	d.conn = c
	return nil
}

func (d *Deferred) Close() error {
	defer d.conn.Close()
	if len(d.stats) > 0 {
		return errBusy
	}
	return nil
}

// Borrowed: the connection comes from the caller, who keeps owning it.
type Borrowed struct{ conn *sql.Conn }

func NewBorrowed(c *sql.Conn) *Borrowed { return &Borrowed{conn: c} }

func (b *Borrowed) Close() error { return nil }

// Released by a function of the package rather than a method.
type Handle struct{ conn *sql.Conn }

func openHandle(ctx context.Context, db *sql.DB) (*Handle, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Handle{conn: c}, nil
}

func closeHandle(h *Handle) { h.conn.Close() }

// Kept with no way to release it.
type Orphan struct{ conn *sql.Conn }

func openOrphan(ctx context.Context, db *sql.DB) (*Orphan, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Orphan{conn: c}, nil // want `Orphan.conn holds a \*sql.Conn acquired here, but nothing in this package releases it`
}

// An exported field: importers may release it (res.Rows.Close()).
type Result struct {
	Rows *sql.Rows
	N    int
}

func query(db *sql.DB) (Result, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return Result{}, err
	}
	return Result{Rows: rows}, nil
}

// An envelope sent over a channel; the receiver closes what it carries.
type connResult struct {
	conn *sql.Conn
	err  error
}

func connectAsync(ctx context.Context, db *sql.DB, out chan<- connResult) {
	c, err := db.Conn(ctx)
	out <- connResult{conn: c, err: err}
}

func awaitConn(in <-chan connResult) error {
	r := <-in
	if r.err != nil {
		return r.err
	}
	return r.conn.Close()
}

// The same envelope type, but nothing ever closes what it carries.
type lostResult struct {
	conn *sql.Conn
	err  error
}

func connectLost(ctx context.Context, db *sql.DB, out chan<- lostResult) {
	c, err := db.Conn(ctx)
	out <- lostResult{conn: c, err: err} // want `lostResult.conn holds a \*sql.Conn acquired here, but nothing in this package releases it`
}

func awaitLost(in <-chan lostResult) error {
	r := <-in
	return r.err
}
