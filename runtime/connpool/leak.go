package connpool

import (
	"fmt"
	"runtime"
	"strings"
)

// traceDepth bounds the recorded acquiring stack; deep enough to get past
// helpers into the test that leaked.
const traceDepth = 32

// leakTrace is where a slot's current checkout was acquired. It holds
// program counters only, so it pins no object.
type leakTrace struct {
	pcs [traceDepth]uintptr
	n   int
}

// record stores in s the stack of the code that called Get, TryGet or
// Reserve, skipping the pool's own skip frames (runtime.Callers's
// numbering). The buffer is allocated once per slot and reused.
func (p *Pool[C]) record(s *slot[C], skip int) {
	var pcs [traceDepth]uintptr
	n := runtime.Callers(skip, pcs[:])
	p.mu.Lock()
	if s.trace == nil {
		s.trace = new(leakTrace)
	}
	s.trace.n = copy(s.trace.pcs[:], pcs[:n])
	p.mu.Unlock()
}

// TB is the part of testing.TB that VerifyNone uses. Any testing.TB
// satisfies it; the interface keeps package testing out of programs that
// only use the pool.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// VerifyNone fails t if any connection of p is still leased or reserved,
// listing where each was acquired when p was created with TrackLeaks. Call
// it at the end of a test (or defer it) once the code under test should
// have released everything:
//
//	defer connpool.VerifyNone(t, pool)
//
// A connection that Close force-closed is still reported until its holder
// releases it: the holder leaked it.
func VerifyNone[C Conn](t TB, p *Pool[C]) {
	t.Helper()
	if msg := p.outstanding(); msg != "" {
		t.Errorf("%s", msg)
	}
}

// outstanding describes the handles still out, or returns "" if none is.
func (p *Pool[C]) outstanding() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var b strings.Builder
	n := 0
	for _, s := range p.all {
		if s.gen.Load()&1 == 0 {
			continue // idle, or being released right now
		}
		n++
		what := "lease"
		if s.state == stReserved {
			what = "reservation"
		}
		fmt.Fprintf(&b, "\n%s #%d", what, n)
		if s.forced {
			b.WriteString(" (force-closed by Pool.Close)")
		}
		if s.trace == nil || s.trace.n == 0 {
			b.WriteString(": acquired at an unknown place")
			continue
		}
		b.WriteString(" acquired at:")
		frames := runtime.CallersFrames(s.trace.pcs[:s.trace.n])
		for {
			f, more := frames.Next()
			fmt.Fprintf(&b, "\n\t%s\n\t\t%s:%d", f.Function, f.File, f.Line)
			if !more {
				break
			}
		}
	}
	if n == 0 {
		return ""
	}
	hint := ""
	if !p.cfg.TrackLeaks {
		hint = " (set Config.TrackLeaks to record where)"
	}
	return fmt.Sprintf("connpool: %d connections still out%s:%s", n, hint, b.String())
}
