// Package stack is the Vitess v19 connStack bug (refcycle R3): Pop unlinks
// the head but leaves its next link set.
package stack

import (
	"io"
	"sync/atomic"
)

// Node holds a pooled connection.
type Node struct {
	next atomic.Pointer[Node]
	Conn io.Closer
}

// Stack is a lock-free stack of nodes.
type Stack struct{ top atomic.Pointer[Node] }

// Push puts n on top.
func (s *Stack) Push(n *Node) {
	for {
		old := s.top.Load()
		n.next.Store(old)
		if s.top.CompareAndSwap(old, n) {
			return
		}
	}
}

// Pop takes the top node off, keeping its link.
func (s *Stack) Pop() *Node {
	for {
		old := s.top.Load()
		if old == nil {
			return nil
		}
		if s.top.CompareAndSwap(old, old.next.Load()) {
			return old
		}
	}
}
