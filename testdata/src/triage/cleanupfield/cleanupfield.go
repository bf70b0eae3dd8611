// Package cleanupfield: a struct's Close calls a cleanup func kept in a
// field, made by a constructor as a closure that closes the struct's owned
// connection (here once the last of its references goes, as a refcount);
// the owning-field rule reports that Close leaves the connection held.
//
// Found in google.golang.org/grpc v1.85.0,
// internal/xds/clients/grpctransport/grpc_transport.go:191:
// `func (g *grpcTransport) Close() { g.cleanup() }`, with `tr.cleanup =
// b.cleanupFunc(si, tr)` returning `sync.OnceFunc(func() { ...; if
// b.refs[si] != 0 { return }; tr.cc.Close() ... })`, reported
// "grpcTransport.Close leaves cc held on the path returning at line 193",
// docs/triage.md.
//
// Expected: a call of a func-valued field that the package only ever sets
// to closures releasing the field counts as that release (here
// conditionally: a refcount is beyond the rule, so silence is the
// direction). A Close that calls nothing is still reported.
package cleanupfield

import (
	"net"
	"sync"
)

type transport struct {
	conn    net.Conn
	cleanup func()
}

type builder struct {
	mu   sync.Mutex
	refs int
}

func (b *builder) build(addr string) (*transport, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	t := &transport{conn: c}
	t.cleanup = b.cleanupFunc(t)
	b.refs++
	return t, nil
}

func (b *builder) cleanupFunc(t *transport) func() {
	return sync.OnceFunc(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.refs--
		if b.refs != 0 {
			return
		}
		t.conn.Close()
	})
}

// Close releases the transport's reference.
func (t *transport) Close() { t.cleanup() }

// bare's Close forgets its connection.
type bare struct{ conn net.Conn }

func newBare(addr string) (*bare, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &bare{conn: c}, nil
}

// Close releases nothing.
func (b *bare) Close() {} // want `bare\.Close leaves conn held`
