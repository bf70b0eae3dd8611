// Stub of vitess.io/vitess@v0.24.4 for offline analysistest; signatures copied from the real package.

// Package stackv19 reproduces smartconnpool's lock-free connStack (stack.go) as it was in the v19 line, with the
// bug later fixed upstream: Pop swings top to oldHead.next but does NOT clear oldHead.next, so a popped (borrowed)
// node keeps a stale pointer into the stack. Upstream references: vitessio/vitess#17808 (issue), fixed by
// vitessio/vitess PR #17807 (numbers from the connlint design notes; not re-checked offline).
//
// Reconstruction: this is the v0.24.4 stack.go with the single line "oldHead.next.Store(nil)" removed from Pop.
// The same unfixed Pop can be seen in older upstream stack.go revisions (e.g. commit 083eab747af6, which also had
// PopAll, omitted here). Pooled is cut down to the fields the stack uses, because the real next field is
// unexported in smartconnpool.
package stackv19

import (
	"runtime"
	"sync/atomic"

	"vitess.io/vitess/go/atomic2"
	"vitess.io/vitess/go/pools/smartconnpool"
)

// Pooled is the stack node: the same next/Conn fields as smartconnpool.Pooled.
type Pooled[C smartconnpool.Connection] struct {
	next atomic.Pointer[Pooled[C]]

	Conn C
}

// connStack is a lock-free stack for Connection objects. It is safe to
// use from several goroutines.
type connStack[C smartconnpool.Connection] struct {
	// top is a pointer to the top node on the stack and to an increasing
	// counter of pop operations, to prevent A-B-A races.
	// See: https://en.wikipedia.org/wiki/ABA_problem
	top atomic2.PointerAndUint64[Pooled[C]]
}

func (s *connStack[C]) Push(item *Pooled[C]) {
	for {
		oldHead, popCount := s.top.Load()
		item.next.Store(oldHead)
		if s.top.CompareAndSwap(oldHead, popCount, item, popCount) {
			return
		}
		runtime.Gosched()
	}
}

func (s *connStack[C]) Pop() (*Pooled[C], bool) {
	for {
		oldHead, popCount := s.top.Load()
		if oldHead == nil {
			return nil, false
		}

		newHead := oldHead.next.Load()
		if s.top.CompareAndSwap(oldHead, popCount, newHead, popCount+1) {
			// BUG (v19): oldHead.next is not cleared here; the fix adds oldHead.next.Store(nil).
			return oldHead, true
		}
		runtime.Gosched()
	}
}

func (s *connStack[C]) Peek() *Pooled[C] {
	top, _ := s.top.Load()
	return top
}
