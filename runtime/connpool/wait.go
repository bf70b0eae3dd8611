package connpool

// A grant is what a waiter is woken with: a connection already checked out
// for it, or (s == nil, err == nil) a unit of capacity it may use to open
// its own connection, or an error (ErrClosed).
type grant[C Conn] struct {
	s   *slot[C]
	err error
}

// waiter is one blocked Get or Reserve. Waiters are recycled through a free
// list, so blocking allocates only when more goroutines wait at once than
// ever before.
type waiter[C Conn] struct {
	ch         chan grant[C] // capacity 1: a grant never blocks the granter
	prev, next *waiter[C]
	kind       slotState
	queued     bool
}

// waitQueue is the FIFO of waiters, guarded by Pool.mu. It is doubly linked
// so that a cancelled waiter leaves in O(1).
type waitQueue[C Conn] struct {
	head, tail *waiter[C]
	n          int
	free       *waiter[C] // linked through next
}

func (q *waitQueue[C]) enqueue(kind slotState) *waiter[C] {
	w := q.free
	if w != nil {
		q.free = w.next
		w.next = nil
	} else {
		w = &waiter[C]{ch: make(chan grant[C], 1)}
	}
	w.kind = kind
	w.queued = true
	w.prev = q.tail
	if q.tail != nil {
		q.tail.next = w
	} else {
		q.head = w
	}
	q.tail = w
	q.n++
	return w
}

// dequeue removes and returns the oldest waiter, or nil.
func (q *waitQueue[C]) dequeue() *waiter[C] {
	w := q.head
	if w != nil {
		q.remove(w)
	}
	return w
}

func (q *waitQueue[C]) remove(w *waiter[C]) {
	if w.prev != nil {
		w.prev.next = w.next
	} else {
		q.head = w.next
	}
	if w.next != nil {
		w.next.prev = w.prev
	} else {
		q.tail = w.prev
	}
	w.prev, w.next = nil, nil
	w.queued = false
	q.n--
}

// release returns a waiter whose channel is empty to the free list.
func (q *waitQueue[C]) release(w *waiter[C]) {
	w.next = q.free
	q.free = w
}
