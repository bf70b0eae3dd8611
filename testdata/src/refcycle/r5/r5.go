// Package r5 holds the R5 cases: a context.AfterFunc stop that is dropped
// while the callback captures pointers (reported), and the twins that keep
// it (not reported).
package r5

import "context"

type Conn struct{ buf []byte }

func (c *Conn) Close() error { return nil }

func Dropped(ctx context.Context, c *Conn) {
	context.AfterFunc(ctx, func() { c.Close() }) // want `the stop function returned by context.AfterFunc is discarded while the callback captures c: the context holds the callback, and all it captures, until the context is cancelled \(for a server-lifetime context, forever\); keep stop and call it once the callback is no longer needed \(defer stop\(\)\)`
}

func Blank(ctx context.Context, c *Conn) {
	_ = context.AfterFunc(ctx, func() { c.Close() }) // want `context.AfterFunc is discarded while the callback captures c`
}

func Unused(ctx context.Context, c *Conn) {
	stop := context.AfterFunc(ctx, func() { c.Close() }) // want `context.AfterFunc is discarded while the callback captures c`
	_ = stop
}

func (c *Conn) shutdown() { c.Close() }

func MethodValue(ctx context.Context, c *Conn) {
	context.AfterFunc(ctx, c.shutdown) // want `context.AfterFunc is discarded while the callback captures its receiver \(the method value shutdown\)`
}

func Bound(ctx context.Context, c *Conn) {
	context.AfterFunc(ctx, func() {})                // captures nothing: a few bytes, not reported
	context.AfterFunc(ctx, func() { _ = c.Close() }) // want `captures c`
}

// --- kept.

func Deferred(ctx context.Context, c *Conn) {
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
}

func Called(ctx context.Context, c *Conn) error {
	stop := context.AfterFunc(ctx, func() { c.Close() })
	err := use(c)
	if !stop() {
		return context.Cause(ctx)
	}
	return err
}

type watcher struct {
	stop func() bool
}

func Stored(ctx context.Context, c *Conn, w *watcher) {
	w.stop = context.AfterFunc(ctx, func() { c.Close() })
}

func Returned(ctx context.Context, c *Conn) func() bool {
	return context.AfterFunc(ctx, func() { c.Close() })
}

// A context derived here with its own cancel: it ends with the function.
func Derived(parent context.Context, c *Conn) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	context.AfterFunc(ctx, func() { c.Close() })
	_ = use(c)
}

// A context that is never cancelled registers nothing.
func Background(c *Conn) {
	context.AfterFunc(context.Background(), func() { c.Close() })
}

// A callback capturing no pointers.
func NoPointers(ctx context.Context, n int) {
	context.AfterFunc(ctx, func() { println(n) })
}

func Suppressed(ctx context.Context, c *Conn) {
	//connlint:ignore the base context is cancelled at shutdown, when c must close anyway
	context.AfterFunc(ctx, func() { c.Close() })
}

func use(*Conn) error { return nil }
