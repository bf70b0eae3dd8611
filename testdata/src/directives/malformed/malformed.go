package malformed

import "context"

type Conn struct{}

// Close closes.
func (c *Conn) Close() error { return nil }

type Handle struct{}

// Free frees the handle.
//
//connlint:release
func (h *Handle) Free() {}

// open is annotated correctly: *Handle has a release method.
//
//connlint:acquire
func open(ctx context.Context) (*Handle, error) { return &Handle{}, ctx.Err() }

// The result is not a pointer or an interface.
//
//connlint:acquire // want `//connlint:acquire on count: its result int is neither a pointer nor an interface`
func count() (int, error) { return 0, nil }

// No result at all.
//
//connlint:acquire // want `//connlint:acquire on nothing, which returns no resource`
func nothing() error { return nil }

// *Conn has no method marked release.
//
//connlint:acquire // want `//connlint:acquire on dial: \*malformed.Conn has no method marked //connlint:release`
func dial() *Conn { return &Conn{} }

// Release on a plain function.
//
//connlint:release // want `//connlint:release must annotate a method, and free is a function`
func free(h *Handle) {}

// Unknown verb.
//
//connlint:aquire // want `unknown directive //connlint:aquire`
func typo() *Handle { return nil }

func use(ctx context.Context) {
	//connlint:release // want `//connlint:release must be in the doc comment of a function or method`
	h, err := open(ctx) // want `\*malformed.Handle acquired here is not released on the path returning at line 54`
	if err != nil {
		return
	}
	_ = h
}

// A release directive takes no argument but idempotent.
//
//connlint:release twice // want `//connlint:release takes no argument or "idempotent", not "twice"`
func (h *Handle) Drop() {}
