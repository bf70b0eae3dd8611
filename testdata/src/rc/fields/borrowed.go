package fields

import (
	"context"
	"database/sql"
	"net"
)

// batcher owns the statement it prepares and borrows the connection it
// prepared it on.
type batcher struct {
	conn *sql.Conn
	stmt *sql.Stmt
}

func newBatcher(ctx context.Context, conn *sql.Conn) (*batcher, error) {
	stmt, err := conn.PrepareContext(ctx, "INSERT INTO t VALUES (?)")
	if err != nil {
		return nil, err
	}
	return &batcher{conn: conn, stmt: stmt}, nil
}

func (b *batcher) Close() error { return b.stmt.Close() }

// Closing the batcher closes its statement, not the connection it borrowed.
func connAfterBatcherClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	b, err := newBatcher(ctx, conn)
	if err != nil {
		conn.Close()
		return err
	}
	b.Close()
	err = conn.PingContext(ctx)
	conn.Close()
	return err
}

func connAfterConnClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	b, err := newBatcher(ctx, conn)
	if err != nil {
		conn.Close()
		return err
	}
	defer b.Close()
	conn.Close()
	return conn.PingContext(ctx) // want `\*sql\.Conn PingContext called after its release at line 54`
}

// A struct that borrows a listener hands it on through its methods: the
// borrowed-field rule stops a release of the struct only, not a hand-off
// (std net's streamListener.newLocalServer).
type listenerRef struct{ net.Listener }

func (r *listenerRef) serve() *server { return &server{ln: r.Listener} }

type server struct{ ln net.Listener }

func (s *server) teardown() error { return s.ln.Close() }

func handedThroughBorrower() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s := (&listenerRef{Listener: ln}).serve()
	defer s.teardown()
	return nil
}
