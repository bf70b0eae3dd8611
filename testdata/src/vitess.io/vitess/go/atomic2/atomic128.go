// Stub of vitess.io/vitess@v0.24.4 for offline analysistest; signatures copied from the real package.

// Package atomic2 stubs the 128-bit pointer+counter atomic used by smartconnpool's connStack. The real package uses
// assembly (CMPXCHG16B / CASP) on amd64 and arm64; this is its pure-Go spinlock fallback (atomic128_spinlock.go,
// built on other architectures), restricted to the Load/CompareAndSwap API that both variants share.
package atomic2

import (
	"runtime"
	"sync/atomic"
)

// PointerAndUint64 is a pointer and a uint64 that are loaded and compare-and-swapped together, atomically.
type PointerAndUint64[T any] struct {
	spin atomic.Uint64
	p    *T
	u    uint64
}

func (x *PointerAndUint64[T]) Load() (*T, uint64) {
	for !x.spin.CompareAndSwap(0, 1) {
		runtime.Gosched()
	}
	defer x.spin.Store(0)
	return x.p, x.u
}

func (x *PointerAndUint64[T]) CompareAndSwap(oldp *T, oldu uint64, newp *T, newu uint64) bool {
	for !x.spin.CompareAndSwap(0, 1) {
		runtime.Gosched()
	}
	defer x.spin.Store(0)
	if x.p == oldp && x.u == oldu {
		x.p = newp
		x.u = newu
		return true
	}
	return false
}
