package bench

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"

	"github.com/jackc/puddle/v2"
	"vitess.io/vitess/go/pools/smartconnpool"

	"github.com/connlint/connlint/runtime/connpool"
)

// Every pool hands out the same kind of connection: a struct that only
// knows how to close itself, so that the numbers are the pools' own
// overhead. Capacity is above GOMAXPROCS so that Get never blocks ("roomy");
// the "scarce" runs give the goroutines one connection to share, so every
// Get waits for a hand-off.

type conn struct{ closed bool }

func (c *conn) Close() error {
	c.closed = true
	return nil
}

const roomy = 8

func capacities(b *testing.B, run func(b *testing.B, capacity int)) {
	b.Run("roomy", func(b *testing.B) { run(b, roomy) })
	b.Run("scarce", func(b *testing.B) { run(b, 1) })
}

func parallel(b *testing.B, getRecycle func() error) {
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := getRecycle(); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkGetRecycle(b *testing.B) {
	ctx := context.Background()

	b.Run("pool=connpool", func(b *testing.B) {
		capacities(b, func(b *testing.B, capacity int) {
			p, err := connpool.New(connpool.Config[*conn]{
				MaxConns: capacity,
				Connect:  func(context.Context) (*conn, error) { return &conn{}, nil },
			})
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close(ctx)
			parallel(b, func() error {
				l, err := p.Get(ctx)
				if err != nil {
					return err
				}
				_ = l.Conn()
				l.Recycle()
				return nil
			})
		})
	})

	b.Run("pool=puddle", func(b *testing.B) {
		capacities(b, func(b *testing.B, capacity int) {
			p, err := puddle.NewPool(&puddle.Config[*conn]{
				MaxSize:     int32(capacity),
				Constructor: func(context.Context) (*conn, error) { return &conn{}, nil },
				Destructor:  func(c *conn) { c.Close() },
			})
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close()
			parallel(b, func() error {
				r, err := p.Acquire(ctx)
				if err != nil {
					return err
				}
				_ = r.Value()
				r.Release()
				return nil
			})
		})
	})

	b.Run("pool=sql", func(b *testing.B) {
		capacities(b, func(b *testing.B, capacity int) {
			db := sql.OpenDB(connector{})
			db.SetMaxOpenConns(capacity)
			db.SetMaxIdleConns(capacity)
			defer db.Close()
			parallel(b, func() error {
				c, err := db.Conn(ctx)
				if err != nil {
					return err
				}
				return c.Close()
			})
		})
	})

	b.Run("pool=vitess", func(b *testing.B) {
		capacities(b, func(b *testing.B, capacity int) {
			p := smartconnpool.NewPool(&smartconnpool.Config[*vconn]{Capacity: int64(capacity)})
			p.Open(func(context.Context) (*vconn, error) { return &vconn{}, nil }, nil)
			defer p.Close()
			parallel(b, func() error {
				c, err := p.Get(ctx, nil)
				if err != nil {
					return err
				}
				_ = c.Conn
				c.Recycle()
				return nil
			})
		})
	})
}

// database/sql needs a driver; this one's connections do nothing.
type connector struct{}

func (connector) Connect(context.Context) (driver.Conn, error) { return &sqlConn{}, nil }
func (connector) Driver() driver.Driver                        { return sqlDriver{} }

type sqlDriver struct{}

func (sqlDriver) Open(string) (driver.Conn, error) { return &sqlConn{}, nil }

type sqlConn struct{ conn }

var errUnsupported = errors.New("bench: not supported")

func (*sqlConn) Prepare(string) (driver.Stmt, error) { return nil, errUnsupported }
func (*sqlConn) Begin() (driver.Tx, error)           { return nil, errUnsupported }

// vconn is the smartconnpool.Connection version of conn: no settings.
type vconn struct{ conn }

func (*vconn) ApplySetting(context.Context, *smartconnpool.Setting) error { return nil }
func (*vconn) ResetSetting(context.Context) error                         { return nil }
func (*vconn) Setting() *smartconnpool.Setting                            { return nil }
func (c *vconn) IsClosed() bool                                           { return c.closed }
func (c *vconn) Close()                                                   { c.closed = true }
