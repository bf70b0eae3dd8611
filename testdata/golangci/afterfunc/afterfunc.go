// Package afterfunc drops the stop function of context.AfterFunc (refcycle
// R5): reported unless refcycle is disabled.
package afterfunc

import "context"

// Conn has a buffer the callback keeps alive.
type Conn struct{ buf []byte }

// Close releases the connection.
func (c *Conn) Close() error { c.buf = nil; return nil }

// Watch closes c when ctx is done, and drops the stop function.
func Watch(ctx context.Context, c *Conn) {
	context.AfterFunc(ctx, func() { c.Close() })
}
