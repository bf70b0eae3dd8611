// Package after discards context.AfterFunc stops (refcycle R5) and leaks a
// cleanup's object (R2).
package after

import (
	"context"
	"runtime"
)

type handle struct {
	fd   int
	self *handle
}

func register(ctx context.Context, h *handle) {
	context.AfterFunc(ctx, func() { h.fd = -1 })
}

func track(h *handle) {
	runtime.AddCleanup(h, func(x *handle) { _ = x.fd }, h)
}
