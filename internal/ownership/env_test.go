package ownership

import "testing"

// paramAt is asked for index -1 (no parameter: a func value or the
// receiver of an invoked method) when a callee is known to borrow
// everything (fmt, testing's Log through a testing.TB); found crashing on
// lib/pq, whose tests log through a testing.TB they keep.
func TestParamAtOutOfRange(t *testing.T) {
	ps := []Param{{Effect: Release}}
	for _, i := range []int{-1, 1, 5} {
		if p, ok := paramAt(ps, i); ok || p != (Param{}) {
			t.Errorf("paramAt(ps, %d) = %v, %v; want the zero Param, false", i, p, ok)
		}
	}
	if p, ok := paramAt(ps, 0); !ok || p.Effect != Release {
		t.Errorf("paramAt(ps, 0) = %v, %v", p, ok)
	}
}
