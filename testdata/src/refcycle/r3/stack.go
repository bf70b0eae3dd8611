// Package r3 holds the R3 cases: a node unlinked from a container that
// keeps its link (reported), and the shapes that clear it (not reported).
package r3

import (
	"runtime"
	"slices"
	"sync/atomic"

	"refcycle/lib"
)

// --- the Vitess v19 connStack, with atomic.Pointer (vitessio/vitess#17808).

// Conn is the pooled connection: it has a lifecycle (Close), so a node
// holding it can leave the stack for good.
type Conn interface{ Close() error }

type Pooled struct {
	next atomic.Pointer[Pooled]
	Conn Conn
}

type connStack struct {
	top atomic.Pointer[Pooled]
}

func (s *connStack) Push(item *Pooled) {
	for {
		oldHead := s.top.Load()
		item.next.Store(oldHead)
		if s.top.CompareAndSwap(oldHead, item) {
			return
		}
		runtime.Gosched()
	}
}

func (s *connStack) Pop() (*Pooled, bool) { // want `Pop unlinks oldHead from connStack.top \(CompareAndSwap to oldHead.next\) but lets it escape with oldHead.next still set: while oldHead is alive \(e.g. a reserved connection that is never pushed back\) it pins every node that was below it and all they hold; clear the link once unlinked \(oldHead.next.Store\(nil\)\)`
	for {
		oldHead := s.top.Load()
		if oldHead == nil {
			return nil, false
		}
		newHead := oldHead.next.Load()
		if s.top.CompareAndSwap(oldHead, newHead) {
			return oldHead, true
		}
		runtime.Gosched()
	}
}

// The fix (vitessio/vitess PR #17807): one line.

type fixedStack struct {
	top atomic.Pointer[Pooled]
}

func (s *fixedStack) Pop() (*Pooled, bool) {
	for {
		oldHead := s.top.Load()
		if oldHead == nil {
			return nil, false
		}
		newHead := oldHead.next.Load()
		if s.top.CompareAndSwap(oldHead, newHead) {
			oldHead.next.Store(nil)
			return oldHead, true
		}
		runtime.Gosched()
	}
}

// PopAll swings the head to nil, not to a node's link: the popped nodes
// are handed out as the chain they are.
func (s *fixedStack) PopAll(out []*Pooled) []*Pooled {
	var oldHead *Pooled
	for {
		oldHead = s.top.Load()
		if oldHead == nil {
			return out
		}
		if s.top.CompareAndSwap(oldHead, nil) {
			break
		}
	}
	for oldHead != nil {
		out = append(out, oldHead)
		oldHead = oldHead.next.Load()
	}
	return out
}

// Drop unlinks the head but does not let it escape: nothing keeps it.
func (s *fixedStack) Drop() {
	for {
		oldHead := s.top.Load()
		if oldHead == nil {
			return
		}
		if s.top.CompareAndSwap(oldHead, oldHead.next.Load()) {
			return
		}
	}
}

// --- a plain-pointer free list.

type buf struct {
	next *buf
	data [4096]byte
	refs []*buf
}

// Release returns the buffer to its list: buffers have a lifecycle.
func (b *buf) Release() {}

type freeList struct {
	head *buf
}

func (l *freeList) get() *buf { // want `get unlinks b from freeList.head \(sets to b.next\) but lets it escape with b.next still set`
	b := l.head
	if b == nil {
		return new(buf)
	}
	l.head = b.next
	return b
}

func (l *freeList) put(b *buf) {
	b.next = l.head
	l.head = b
}

type clearedList struct {
	head *buf
}

// The link is cleared after the head moves.
func (l *clearedList) get() *buf {
	b := l.head
	if b == nil {
		return new(buf)
	}
	l.head = b.next
	b.next = nil
	return b
}

// The link is cleared before the head moves (read first).
func (l *clearedList) get2() *buf {
	b := l.head
	if b == nil {
		return nil
	}
	next := b.next
	b.next = nil
	l.head = next
	return b
}

// The node is moved to another list: its link is overwritten.
func (l *clearedList) moveTo(other *clearedList) {
	b := l.head
	if b == nil {
		return
	}
	l.head = b.next
	b.next = other.head
	other.head = b
}

// A global free list, cleared on only one path.

var free *buf

func alloc(reuse bool) *buf { // want `alloc unlinks b from free \(sets to b.next\) but lets it escape with b.next still set`
	b := free
	if b == nil {
		return new(buf)
	}
	free = b.next
	if reuse {
		b.next = nil
	}
	return b
}

// --- a node whose lifecycle comes from another package: lib.Lease's Done
// is marked //connlint:release there.

type leaseNode struct {
	next  *leaseNode
	lease lib.Lease
}

type leaseList struct{ head *leaseNode }

func (l *leaseList) get() *leaseNode { // want `get unlinks n from leaseList.head \(sets to n.next\) but lets it escape with n.next still set`
	n := l.head
	if n == nil {
		return new(leaseNode)
	}
	l.head = n.next
	return n
}

// The twin: lib.Scratch has no release method, so the node has no
// lifecycle.
type scratchNode struct {
	next    *scratchNode
	scratch lib.Scratch
}

type scratchList struct{ head *scratchNode }

func (l *scratchList) get() *scratchNode {
	n := l.head
	if n == nil {
		return new(scratchNode)
	}
	l.head = n.next
	return n
}

// --- container/list shape: Remove clears the links of the element it
// is given; nothing is taken from a head slot.

type Element struct {
	next, prev *Element
	list       *List
}

type List struct {
	root Element
	len  int
}

func (l *List) remove(e *Element) {
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next = nil
	e.prev = nil
	e.list = nil
	l.len--
}

// --- slice pops.

type conn struct{ buf []byte }

func (c *conn) Close() error { return nil }

type pool struct {
	free  []*conn
	ids   []int
	other []*conn
}

func (p *pool) get() *conn { // want `get pops the last element of pool.free without clearing the vacated slot: the backing array keeps the popped \*conn, and all it holds, reachable until a later append overwrites the slot; set the slot to nil before re-slicing \(or use slices.Delete, which clears it\)`
	if len(p.free) == 0 {
		return &conn{}
	}
	c := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return c
}

func (p *pool) getZeroed() *conn {
	n := len(p.other) - 1
	if n < 0 {
		return &conn{}
	}
	c := p.other[n]
	p.other[n] = nil
	p.other = p.other[:n]
	return c
}

func (p *pool) getDelete() *conn {
	c := p.other[len(p.other)-1]
	p.other = slices.Delete(p.other, len(p.other)-1, len(p.other))
	return c
}

// No pointers in the elements: nothing is retained.
func (p *pool) popID() int {
	id := p.ids[len(p.ids)-1]
	p.ids = p.ids[:len(p.ids)-1]
	return id
}

// Swap-remove: the vacated slot duplicates an element that is still in
// the slice.
func (p *pool) remove(i int) *conn {
	c := p.other[i]
	p.other[i] = p.other[len(p.other)-1]
	p.other = p.other[:len(p.other)-1]
	return c
}

// Suppressed.

type quiet struct{ items []*conn }

//connlint:ignore items are short-lived test fixtures
func (q *quiet) pop() *conn {
	c := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return c
}

// A pop whose element stays in the function (Tarjan's stack): the popped
// values are alive elsewhere anyway.
type tarjan struct {
	stack []*conn
	out   [][]*conn
}

func (t *tarjan) popSCC(root *conn) {
	var scc []*conn
	for {
		top := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		scc = append(scc, top)
		if top == root {
			break
		}
	}
	t.out = append(t.out, scc)
}

// Zeroing the whole node clears its link too (net/rpc's getRequest).
type Request struct {
	Method string
	next   *Request
}

type Server struct {
	freeReq *Request
}

func (s *Server) getRequest() *Request {
	req := s.freeReq
	if req == nil {
		req = new(Request)
	} else {
		s.freeReq = req.next
		*req = Request{}
	}
	return req
}

// So does a method of the package that resets it.
func (r *Request) reset() { r.next = nil }

func (s *Server) getRequest2() *Request {
	req := s.freeReq
	if req == nil {
		return new(Request)
	}
	s.freeReq = req.next
	req.reset()
	return req
}

// --- nodes without a lifecycle: a free list of scratch states (gob's
// decoderState, regexp's thread) keeps its nodes alive anyway, so a stale
// link retains nothing that would otherwise be freed.

type state struct {
	next *state
	data []byte
}

type decoder struct {
	freeList *state
	pool     []*state
}

func (d *decoder) newState() *state {
	s := d.freeList
	if s == nil {
		return new(state)
	}
	d.freeList = s.next
	return s
}

func (d *decoder) alloc() *state {
	var t *state
	if n := len(d.pool); n > 0 {
		t = d.pool[n-1]
		d.pool = d.pool[:n-1]
	} else {
		t = new(state)
	}
	return t
}
