package connpool

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func stackOf(n int) (*idleStack[*plainConn], []*slot[*plainConn]) {
	st := &idleStack[*plainConn]{}
	var ss []*slot[*plainConn]
	for range n {
		s := &slot[*plainConn]{}
		ss = append(ss, s)
		st.push(s)
	}
	return st, ss
}

func TestIdleStackClearsLinks(t *testing.T) {
	st, ss := stackOf(3)
	assert.Same(t, ss[1], ss[2].next)

	s := st.pop()
	assert.Same(t, ss[2], s)
	assert.Nil(t, s.next, "pop clears the link (vitess#17807)")
	assert.Equal(t, 2, st.n)

	got := st.removeIf(nil, func(s *slot[*plainConn]) bool { return s == ss[1] })
	assert.Equal(t, []*slot[*plainConn]{ss[1]}, got)
	assert.Nil(t, ss[1].next, "removeIf clears the link")
	assert.Same(t, ss[0], st.top)
	assert.Equal(t, 1, st.n)

	st.push(ss[2])
	got = st.drain(nil)
	assert.Equal(t, []*slot[*plainConn]{ss[2], ss[0]}, got)
	for _, s := range got {
		assert.Nil(t, s.next, "drain clears every link")
	}
	assert.Nil(t, st.top)
	assert.Zero(t, st.n)
	assert.Nil(t, st.pop())
}

func TestIdleStackRemoveIfKeepsOrder(t *testing.T) {
	st, ss := stackOf(5)
	st.removeIf(nil, func(s *slot[*plainConn]) bool { return s == ss[4] || s == ss[2] || s == ss[0] })
	assert.Same(t, ss[3], st.pop())
	assert.Same(t, ss[1], st.pop())
	assert.Nil(t, st.pop())
}

func TestForgetZeroesSlot(t *testing.T) {
	p := &Pool[*plainConn]{}
	c := &plainConn{}
	s := newSlot(p, c, 0)
	other := newSlot(p, &plainConn{}, 0)
	s.next = other
	p.all = []*slot[*plainConn]{s, other}
	other.allIdx = 1
	backing := p.all
	p.forgetLocked(s)
	assert.Nil(t, s.conn)
	assert.Nil(t, s.next)
	assert.Equal(t, stClosed, s.state)
	assert.Equal(t, []*slot[*plainConn]{other}, p.all)
	assert.Equal(t, 0, other.allIdx)
	assert.Nil(t, backing[:2][1], "the vacated array element is cleared")
}
