package families

import (
	"context"
	"errors"
	"net"

	"google.golang.org/grpc/credentials"
)

// A transport handshake returns the raw connection wrapped (TLS, ALTS): the
// wrapper adds no resource of its own, and whoever owns the raw connection
// closes it (grpc's transport closes the raw conn when the handshake or
// what follows fails). Found in the grpc v1.85.0 sweep: 22 handshakes whose
// result is dropped while the raw conn is closed by a defer.
func grpcHandshakeGood(ctx context.Context, creds credentials.TransportCredentials, addr string) (credentials.AuthInfo, error) {
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	_, info, err := creds.ClientHandshake(ctx, addr, raw)
	if err != nil {
		return nil, err
	}
	return info, nil
}

// The raw connection is still the caller's to close: a path that leaves
// before the handshake leaks it.
func grpcHandshakeBad(ctx context.Context, creds credentials.TransportCredentials, addr string) (credentials.AuthInfo, error) {
	raw, err := net.Dial("tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 37`
	if err != nil {
		return nil, err
	}
	if creds == nil {
		return nil, errNoCreds
	}
	defer raw.Close()
	_, info, err := creds.ServerHandshake(raw)
	if err != nil {
		return nil, err
	}
	return info, nil
}

var errNoCreds = errors.New("no transport credentials")
