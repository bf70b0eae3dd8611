// Package owners: structs that own a resource are resources themselves
// (inferred families, internal/ownership/owners.go).
package owners

import (
	"context"
	"database/sql"
	"errors"
)

// Session owns the connection it was built around; Close releases it.
type Session struct {
	conn *sql.Conn
	id   int
}

func Open(ctx context.Context, db *sql.DB) (*Session, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Session{conn: c}, nil
}

func (s *Session) Close() error { return s.conn.Close() }

func (s *Session) ID() int { return s.id }

var errBusy = errors.New("busy")

func sessionLeaks(ctx context.Context, db *sql.DB, busy bool) error {
	s, err := Open(ctx, db) // want `\*owners.Session acquired here is not released on the path returning at line 37 \(call Close, or defer s.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	if busy {
		return errBusy
	}
	return s.Close()
}

func sessionReleased(ctx context.Context, db *sql.DB, busy bool) error {
	s, err := Open(ctx, db)
	if err != nil {
		return err
	}
	if busy {
		s.Close()
		return errBusy
	}
	return s.Close()
}

func sessionDeferred(ctx context.Context, db *sql.DB) int {
	s, err := Open(ctx, db)
	if err != nil {
		return 0
	}
	defer s.Close()
	return s.ID()
}

// Fields set one by one before the return: still a wrapper.
func openFields(ctx context.Context, db *sql.DB) (*Session, error) {
	s := new(Session)
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	s.conn = c
	s.id = 1
	return s, nil
}

func fieldsLeak(ctx context.Context, db *sql.DB) {
	s, err := openFields(ctx, db) // want `\*owners.Session acquired here is not released on the path returning at line 81`
	if err != nil {
		return
	}
	_ = s.ID()
}

func fieldsReleased(ctx context.Context, db *sql.DB) {
	s, err := openFields(ctx, db)
	if err != nil {
		return
	}
	defer s.Close()
	_ = s.ID()
}

// Rows embeds *sql.Rows by pointer: Close, and Next returning false, are
// promoted.
type Rows struct {
	*sql.Rows
	count int
}

func query(ctx context.Context, db *sql.DB) (*Rows, error) {
	r, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r}, nil
}

func rowsLeak(ctx context.Context, db *sql.DB) error {
	rows, err := query(ctx, db) // want `\*owners.Rows acquired here is not released on the path returning at line 112 \(call Close, or defer rows.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return rows.Err()
}

func rowsClosed(ctx context.Context, db *sql.DB) error {
	rows, err := query(ctx, db)
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

func rowsDrained(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := query(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// A wrapper of a wrapper.
type Store struct{ s *Session }

func openStore(ctx context.Context, db *sql.DB) (*Store, error) {
	s, err := Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return &Store{s: s}, nil
}

func (st *Store) Close() error { return st.s.Close() }

func storeLeak(ctx context.Context, db *sql.DB) {
	st, err := openStore(ctx, db) // want `\*owners.Store acquired here is not released on the path returning at line 155`
	if err != nil {
		return
	}
	_ = st
}

func storeClosed(ctx context.Context, db *sql.DB) {
	st, err := openStore(ctx, db)
	if err != nil {
		return
	}
	st.Close()
}

// Report has no method that releases what it holds: it is no resource, and
// returning it is a plain hand-off (the owning-field rule is about such
// types).
type Report struct {
	rows *sql.Rows
}

func (r *Report) Len() int { return 0 }

func report(ctx context.Context, db *sql.DB) (*Report, error) {
	r, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return &Report{rows: r}, nil // want `Report.rows holds a \*sql.Rows acquired here`
}

func reportUse(ctx context.Context, db *sql.DB) int {
	rep, err := report(ctx, db)
	if err != nil {
		return 0
	}
	return rep.Len()
}

// Close releases only on some paths: not a release method, so the struct
// is no resource.
type Maybe struct {
	conn *sql.Conn
	keep bool
}

func (m *Maybe) Close() error { // want `Maybe.Close leaves conn held on the path returning at line 199: the \*sql.Conn acquired into Maybe.conn at line 209 is not released on that path \(call Close on m.conn in Close\)`
	if m.keep {
		return nil
	}
	return m.conn.Close()
}

func openMaybe(ctx context.Context, db *sql.DB) (*Maybe, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Maybe{conn: c}, nil
}

func maybeUse(ctx context.Context, db *sql.DB) {
	m, err := openMaybe(ctx, db)
	if err != nil {
		return
	}
	_ = m
}

// Page has no release method but exposes its rows: it is released through
// that field, like an *http.Response through its Body.
type Page struct {
	Rows *sql.Rows
	Size int
}

func pageOf(ctx context.Context, db *sql.DB) (*Page, error) {
	r, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return &Page{Rows: r, Size: 10}, nil
}

func pageLeak(ctx context.Context, db *sql.DB) int {
	p, err := pageOf(ctx, db) // want `\*owners.Page acquired here is not released on the path returning at line 240 \(call Rows.Close, or defer p.Rows.Close\(\) after the error check\)`
	if err != nil {
		return 0
	}
	return p.Size
}

func pageClosed(ctx context.Context, db *sql.DB) int {
	p, err := pageOf(ctx, db)
	if err != nil {
		return 0
	}
	defer p.Rows.Close()
	return p.Size
}

func pageDrained(ctx context.Context, db *sql.DB) (n int) {
	p, err := pageOf(ctx, db)
	if err != nil {
		return 0
	}
	for p.Rows.Next() {
		n++
	}
	return n
}
