// Package transfer pins down every way of handing a resource on: the
// function that acquired it no longer has to release it. Each buggy case
// (with a want) is followed by its correct twin, which differs in one line.
package transfer

import (
	"context"
	"database/sql"
)

type holder struct{ conn *sql.Conn }

type server struct {
	conn  *sql.Conn
	conns map[string]*sql.Conn
}

var (
	global   *sql.Conn
	registry []*sql.Conn
	shared   holder
)

// Returned directly.
func returnedBad(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 30`
	if err != nil {
		return nil, err
	}
	return nil, conn.PingContext(ctx)
}

func returnedGood(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return conn, conn.PingContext(ctx)
}

// Returned inside a struct (pointer and value).
func inStructBad(ctx context.Context, db *sql.DB) (*holder, error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 47`
	if err != nil {
		return nil, err
	}
	return &holder{}, conn.PingContext(ctx)
}

func inStructGood(ctx context.Context, db *sql.DB) (*holder, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &holder{conn: conn}, conn.PingContext(ctx) // want `holder.conn holds a \*sql.Conn acquired here, but nothing in this package releases it \(give holder a Close method that releases conn, and call it\)`
}

func inStructValueGood(ctx context.Context, db *sql.DB) (holder, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return holder{}, err
	}
	return holder{conn: conn}, conn.PingContext(ctx)
}

// Stored into a field of a parameter. A struct that does not outlive the
// call is no hand-off.
func paramFieldBad(ctx context.Context, db *sql.DB, h *holder) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 74`
	if err != nil {
		return err
	}
	_ = &holder{conn: conn}
	return nil
}

func paramFieldGood(ctx context.Context, db *sql.DB, h *holder) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	h.conn = conn
	return nil
}

// Stored into a field of the receiver.
func (s *server) receiverFieldBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 93`
	if err != nil {
		return err
	}
	_ = &server{conn: conn}
	return nil
}

func (s *server) receiverFieldGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	s.conn = conn // want `server.conn holds a \*sql.Conn acquired here`
	return nil
}

// Stored into a global.
func globalBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 112`
	if err != nil {
		return err
	}
	_ = conn
	return nil
}

func globalGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	global = conn
	return nil
}

// Stored into a field of a global.
func globalFieldBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 131`
	if err != nil {
		return err
	}
	_ = &holder{conn: conn}
	return nil
}

func globalFieldGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	shared.conn = conn
	return nil
}

// Stored into a map.
func (s *server) mapBad(ctx context.Context, db *sql.DB, name string) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 150`
	if err != nil {
		return err
	}
	_ = conn
	return nil
}

func (s *server) mapGood(ctx context.Context, db *sql.DB, name string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	s.conns[name] = conn
	return nil
}

// Stored into an element of a slice the caller gave.
func sliceElemBad(ctx context.Context, db *sql.DB, conns []*sql.Conn) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 169`
	if err != nil {
		return err
	}
	make([]*sql.Conn, 1)[0] = conn
	return nil
}

func sliceElemGood(ctx context.Context, db *sql.DB, conns []*sql.Conn) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	conns[0] = conn
	return nil
}

// Appended to a global slice; appending to a local slice that is dropped
// hands nothing on, returning that slice does.
func appendGlobalGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	registry = append(registry, conn)
	return nil
}

func appendLocalBad(ctx context.Context, db *sql.DB) ([]*sql.Conn, error) {
	var local []*sql.Conn
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 199`
	if err != nil {
		return nil, err
	}
	local = append(local, conn)
	return nil, nil
}

func appendLocalGood(ctx context.Context, db *sql.DB) ([]*sql.Conn, error) {
	var local []*sql.Conn
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	local = append(local, conn)
	return local, nil
}

// Sent on a channel.
func sendBad(ctx context.Context, db *sql.DB, ch chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 219`
	if err != nil {
		return err
	}
	_ = conn
	return nil
}

func sendGood(ctx context.Context, db *sql.DB, ch chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	ch <- conn
	return nil
}
