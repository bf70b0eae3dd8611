// Package ctxgetter: a func value that looks a connection up in a context
// (grpc's transport.GetConnection, kept in a variable for tests) is taken
// for an acquisition by the func-value rule, which exempts only getters
// without arguments.
//
// Found in google.golang.org/grpc v1.85.0,
// internal/xds/rbac/rbac_engine.go:228: `conn := getConnection(ctx)` with
// `var getConnection = transport.GetConnection`, reported "net.Conn
// acquired here is not released on the path returning at line 234",
// docs/triage.md.
//
// Expected: a func value whose only argument is a context and that returns
// no error borrows what it returns, like a getter; silent here. A func value
// that returns an error beside the connection (dial) still acquires it.
package ctxgetter

import (
	"context"
	"errors"
	"net"
)

var getConnection = connFromContext

type connKey struct{}

func connFromContext(ctx context.Context) net.Conn {
	c, _ := ctx.Value(connKey{}).(net.Conn)
	return c
}

func localPort(ctx context.Context) (string, error) {
	conn := getConnection(ctx)
	if conn == nil {
		return "", errors.New("missing connection in incoming context")
	}
	_, port, err := net.SplitHostPort(conn.LocalAddr().String())
	if err != nil {
		return "", err
	}
	return port, nil
}

var dial = func(ctx context.Context) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", "localhost:1")
}

func dialPort(ctx context.Context) (string, error) {
	conn, err := dial(ctx) // want `net\.Conn acquired here is not released`
	if err != nil {
		return "", err
	}
	return conn.LocalAddr().String(), nil
}
