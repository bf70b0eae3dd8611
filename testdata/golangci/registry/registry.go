// Package registry keeps every connection it accepts (refcycle R4):
// reported only with the refcycle.registry setting.
package registry

// Conn is an accepted connection.
type Conn struct {
	srv *Server
	buf []byte
}

// Close releases the connection but leaves it in the server's registry.
func (c *Conn) Close() error { c.buf = nil; return nil }

// Server registers its connections.
type Server struct{ conns map[*Conn]struct{} }

// Accept registers a new connection.
func (s *Server) Accept() *Conn {
	c := &Conn{srv: s}
	s.conns[c] = struct{}{}
	return c
}
