package control

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A test that expects the acquisition to fail holds nothing.
func TestExpectsFailure(t *testing.T) {
	var db *sql.DB
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := db.Conn(ctx)
	require.ErrorIs(t, err, context.Canceled)
	c, err := db.Conn(ctx)
	assert.Error(t, err)
	assert.Nil(t, c)
}

// ... but one that expects success must release.
func TestExpectsSuccess(t *testing.T) {
	var db *sql.DB
	c, err := db.Conn(context.Background()) // want `\*sql\.Conn acquired here is not released on the path returning at line 31`
	require.NoError(t, err)
	_ = c.PingContext(context.Background())
}

func TestNoErrorGuard(t *testing.T) {
	var db *sql.DB
	c, err := db.Conn(context.Background())
	if !assert.NoError(t, err) {
		return
	}
	c.Close()
}

// A constant-count loop always runs its body: the path that skips the
// goroutines' release is not a path.
func TestConstantLoop(t *testing.T) {
	var db *sql.DB
	for range 2 {
		var conns []*sql.Conn
		for range 4 {
			c, err := db.Conn(context.Background())
			require.NoError(t, err)
			conns = append(conns, c)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, c := range conns {
				c.Close()
			}
		}()
		<-done
	}
}

var errBoom = errors.New("boom")

// The formatted variants assert the same.
func TestExpectsFailureFormatted(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select 1; select 2")
	require.NotNilf(t, err, "want an error for %q", "two statements")
}
