package connpool

// idleStack is the pool's idle storage: an intrusive LIFO list threaded
// through slot.next, guarded by Pool.mu. LIFO keeps a small hot set of
// connections in use and lets the cold ones age out through MaxIdleTime.
//
// The invariant that makes it leak-free: a slot's next link is non-nil only
// while the slot is in the stack. Every way out (pop, removeIf, drain) clears
// the link of the slot that leaves. Vitess v19 cleared next only on push, so
// a popped connection that was then held for a long time (a reserved one)
// kept pointing at whatever was below it when it was popped, and that node
// at its own stale successor, pinning a chain of closed connections
// (vitessio/vitess#17808, fixed by #17807).
type idleStack[C Conn] struct {
	top *slot[C]
	n   int
}

func (st *idleStack[C]) push(s *slot[C]) {
	s.next = st.top
	st.top = s
	st.n++
}

// pop returns the most recently pushed slot, or nil.
func (st *idleStack[C]) pop() *slot[C] {
	s := st.top
	if s == nil {
		return nil
	}
	st.top = s.next
	s.next = nil // the #17807 fix: a slot out of the stack points nowhere
	st.n--
	return s
}

// removeIf unlinks, in stack order, every slot for which drop reports true,
// clears its link and appends it to out.
func (st *idleStack[C]) removeIf(out []*slot[C], drop func(*slot[C]) bool) []*slot[C] {
	for link := &st.top; *link != nil; {
		s := *link
		if !drop(s) {
			link = &s.next
			continue
		}
		*link = s.next
		s.next = nil
		st.n--
		out = append(out, s)
	}
	return out
}

// drain empties the stack into out, clearing every link.
func (st *idleStack[C]) drain(out []*slot[C]) []*slot[C] {
	for s := st.top; s != nil; {
		next := s.next
		s.next = nil
		out = append(out, s)
		s = next
	}
	st.top, st.n = nil, 0
	return out
}
