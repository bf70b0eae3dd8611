// Package aliasfield: a dialer hook returns the connection it dials (its
// caller owns and closes it) and keeps a copy in a field for the test to
// inspect; the owning-field rule takes the field for the owner.
//
// Found in google.golang.org/grpc v1.85.0, test/rawConnWrapper.go:72:
// `c, err := net.DialTimeout(...); d.c = c; d.rcw = ...; return c, err`,
// reported "dialerWrapper.c holds a net.Conn acquired here, but nothing in
// this package releases it", docs/triage.md.
//
// Expected: a resource that the function also returns is handed on to the
// caller; a field holding the same value is an alias, silent. The twin that
// stores without returning is still reported.
package aliasfield

import (
	"net"
	"time"
)

type dialerWrapper struct{ c net.Conn }

func (d *dialerWrapper) dialer(target string, t time.Duration) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", target, t)
	d.c = c
	return c, err
}

type keeper struct{ c net.Conn }

func (k *keeper) dial(target string) error {
	c, err := net.Dial("tcp", target)
	if err != nil {
		return err
	}
	k.c = c // want `keeper\.c holds a net\.Conn acquired here, but nothing in this package releases it`
	return nil
}
