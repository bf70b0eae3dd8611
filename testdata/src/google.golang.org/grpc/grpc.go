// Stub of google.golang.org/grpc@v1.85.0 for offline analysistest; signatures copied from the real package.

// Package grpc implements an RPC system called gRPC (subset of the real API).
package grpc

import "context"

// DialOption configures how we set up the connection.
type DialOption interface {
	apply(*dialOptions)
}

type dialOptions struct{ block bool }

type funcDialOption struct{ f func(*dialOptions) }

func (fdo *funcDialOption) apply(do *dialOptions) { fdo.f(do) }

// WithBlock returns a DialOption which makes callers of Dial block until the
// underlying connection is up.
//
// Deprecated: this DialOption is not supported by NewClient.
func WithBlock() DialOption {
	return &funcDialOption{func(o *dialOptions) { o.block = true }}
}

// CallOption configures a Call before it starts or extracts information from
// a Call after it completes.
type CallOption interface {
	before(*callInfo) error
}

type callInfo struct{}

// ClientConn represents a virtual connection to a conceptual endpoint, to
// perform RPCs.
type ClientConn struct {
	target string
}

// ClientConnInterface defines the functions clients need to perform unary and
// streaming RPCs. It is implemented by *ClientConn, and is only intended to
// be referenced by generated code.
type ClientConnInterface interface {
	// Invoke performs a unary RPC and returns after the response is received
	// into reply.
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

// NewClient creates a new gRPC "channel" for the target URI provided. No I/O
// is performed. Use of the ClientConn for RPCs will automatically cause it to
// connect.
func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

// Dial calls DialContext(context.Background(), target, opts...).
//
// Deprecated: use NewClient instead. Will be supported throughout 1.x.
func Dial(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target: target}, nil
}

// DialContext calls NewClient and then exits idle mode. If WithBlock(true) is
// used, it calls Connect and WaitForStateChange until either the context
// expires or the state of the ClientConn is Ready.
//
// Deprecated: use NewClient instead. Will be supported throughout 1.x.
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

// Invoke sends the RPC request on the wire and returns after response is
// received. This is typically called by generated code.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

// GetState returns the connectivity.State of ClientConn (an int in this stub).
func (cc *ClientConn) GetState() int { return 0 }

// Target returns the target string of the ClientConn.
func (cc *ClientConn) Target() string { return cc.target }

// CanonicalTarget returns the canonical target string used when creating cc.
func (cc *ClientConn) CanonicalTarget() string { return cc.target }

// Close tears down the ClientConn and all underlying connections.
func (cc *ClientConn) Close() error { return nil }
