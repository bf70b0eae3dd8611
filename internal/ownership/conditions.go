package ownership

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// Conditional releases. A callee that releases a parameter on some paths
// only is not a release: for its callers it keeps the resource (the
// conservative reading), unless its error result tells the two apart:
//
//	func closeOnErr(c *sql.Conn, err error) error // releases when it returns non-nil
//	func finish(tx *sql.Tx) error                 // releases when it returns nil
//
// A caller that checks the error then knows on which branch it still holds
// the resource, as with the acquisition's own error; pgx's rows.Scan is the
// built-in example of the first kind (resource.Family.ReleasedOnError).

// Cond says when a callee releases a parameter it keeps.
type Cond uint8

const (
	CondNone      Cond = iota
	CondOnError        // released exactly when the error result is non-nil
	CondOnSuccess      // released exactly when the error result is nil
)

func (c Cond) String() string {
	switch c {
	case CondOnError:
		return "on error"
	case CondOnSuccess:
		return "on success"
	}
	return ""
}

// releaseCondition classifies a parameter that some paths release and
// others leave held, by the error the held paths return. If each returns a
// constant nil, a non-nil error comes from a path that released it
// (CondOnError); if none does, a nil error does (CondOnSuccess). The other
// branch may or may not hold it, so the caller must release it there: a
// path of the callee does leave it held with that error.
func (s *search) releaseCondition() Cond {
	errIdx := errorIndex(s.fn.Signature)
	if errIdx < 0 || s.out.truncated || len(s.out.leaks) == 0 || len(s.out.releasePoints) == 0 {
		return CondNone
	}
	held := returnsNil(errIdx)
	for _, l := range s.out.leaks {
		if l.ret == nil {
			return CondNone
		}
		held.add(l.ret)
	}
	switch {
	case held.onlyNil():
		return CondOnError
	case held.onlyNonNil():
		return CondOnSuccess
	}
	return CondNone
}

// nilCount counts the returns of an error result that are a constant nil
// and those that are not.
type nilCount struct {
	idx         int
	nils, other int
}

func returnsNil(idx int) *nilCount { return &nilCount{idx: idx} }

func (c *nilCount) add(ret *ssa.Return) {
	if c.idx < len(ret.Results) && ssax.IsNil(ret.Results[c.idx]) {
		c.nils++
	} else {
		c.other++
	}
}

func (c *nilCount) onlyNil() bool    { return c.nils > 0 && c.other == 0 }
func (c *nilCount) onlyNonNil() bool { return c.other > 0 && c.nils == 0 }

// conditionEntry is what a call to a conditional releaser leaves to
// follow: its error result tells whether the resource was released.
func conditionEntry(res *ssa.Call, sig *types.Signature, cond Cond) entry {
	i := errorResult(sig)
	if sig.Results().Len() == 1 {
		i = 0
	}
	if !isTuple(res) {
		if cond == CondOnError {
			return entry{v: res, role: roleErr}
		}
		return entry{v: res, role: roleOkErr}
	}
	e := entry{v: res, role: roleTuple, errIdx: -1}
	if cond == CondOnError {
		e.errIdx = int8(i)
	} else {
		e.okMask = 1 << i
	}
	return e
}
