// Package r4 holds the R4 cases (opt-in, -refcycle.registry): a registry
// field that receives connections their release methods never remove
// (reported), and registries that do remove them (not reported).
package r4

import "slices"

// --- a map registry that Close never leaves.

type Conn struct {
	srv *Server
	buf []byte
}

func (c *Conn) Close() error { return nil }

type Server struct {
	conns map[*Conn]struct{}
}

func (s *Server) Accept() *Conn {
	c := &Conn{srv: s}
	s.conns[c] = struct{}{} // want `Server.conns receives \*Conn values here, but no removal from Server.conns is reachable from \(\*Conn\).Close: every Conn ever added stays reachable for as long as the Server, released or not; remove it in \(\*Conn\).Close \(delete from the map, slices.Delete from the slice\) or hold it through a weak.Pointer`
	return c
}

// --- the twin: Close deletes itself through a method of the server.

type TConn struct {
	srv *TServer
}

func (c *TConn) Close() error {
	c.srv.forget(c)
	return nil
}

type TServer struct {
	conns map[*TConn]struct{}
}

func (s *TServer) Accept() *TConn {
	c := &TConn{srv: s}
	s.conns[c] = struct{}{}
	return c
}

func (s *TServer) forget(c *TConn) { delete(s.conns, c) }

// --- a slice registry; the release method is marked by directive.

type Lease struct {
	owner *Tracker
}

// Done returns the lease.
//
//connlint:release
func (l *Lease) Done() {}

type Tracker struct {
	leases []*Lease
}

func (t *Tracker) Lease() *Lease {
	l := &Lease{owner: t}
	t.leases = append(t.leases, l) // want `Tracker.leases receives \*Lease values here, but no removal from Tracker.leases is reachable from \(\*Lease\).Done`
	return l
}

// The twin removes itself with slices.DeleteFunc.

type SLease struct {
	owner *STracker
}

// Release returns the lease.
func (l *SLease) Release() {
	t := l.owner
	t.leases = slices.DeleteFunc(t.leases, func(x *SLease) bool { return x == l })
}

type STracker struct {
	leases []*SLease
}

func (t *STracker) Lease() *SLease {
	l := &SLease{owner: t}
	t.leases = append(t.leases, l)
	return l
}

// --- no release method: nothing to check.

type Item struct{}

type Bag struct{ items []*Item }

func (b *Bag) Add(i *Item) { b.items = append(b.items, i) }

// --- a registry built in a local object is not long-lived.

func Collect(cs []*Conn) int {
	s := &Server{conns: make(map[*Conn]struct{})}
	for _, c := range cs {
		s.conns[c] = struct{}{}
	}
	return len(s.conns)
}
