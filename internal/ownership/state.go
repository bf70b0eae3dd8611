package ownership

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A role says how a tracked SSA value relates to the resource.
type role uint8

const (
	// roleSelf: the value is the resource (maybe converted or boxed).
	roleSelf role = iota + 1
	// rolePart: a field of the resource, or its address (resp.Body).
	rolePart
	// roleContainer: the value holds the resource: a local variable cell, a
	// struct, slice or closure it was stored into, a result that contains it.
	roleContainer
	// roleErr: the error result of the acquisition; nil-checks on it tell
	// the branch on which nothing was acquired.
	roleErr
	// roleTuple: a multi-value result that carries the resource (and maybe
	// the error) in some of its components.
	roleTuple
	// roleErrCell: a local variable holding the acquisition's error (named
	// results and captured variables live in cells).
	roleErrCell
	// roleSelect: a select one of whose cases (selfMask) sends the resource;
	// the resource is handed on only on the branch that chose such a case.
	roleSelect
)

// An entry is one tracked value.
type entry struct {
	v     ssa.Value
	role  role
	field string // rolePart: the field of the resource

	// roleTuple: which components are the resource, contain it, or are the
	// acquisition's error (-1: none).
	selfMask, contMask uint32
	errIdx             int8

	// deferRelease: a deferred call releases whatever this cell holds at
	// exit. The path is released if the cell still holds the resource then.
	deferRelease bool
}

// A state is the set of values that refer to the resource at one point of
// one path, kept sorted by value number so that equal sets compare equal.
// States are immutable: every change copies.
type state []entry

func (s state) find(num map[ssa.Value]int, v ssa.Value) (int, bool) {
	n := num[v]
	return slices.BinarySearchFunc(s, n, func(e entry, n int) int { return num[e.v] - n })
}

func (s state) lookup(num map[ssa.Value]int, v ssa.Value) (entry, bool) {
	if _, ok := num[v]; !ok {
		return entry{}, false
	}
	if i, ok := s.find(num, v); ok {
		return s[i], true
	}
	return entry{}, false
}

func (s state) with(num map[ssa.Value]int, e entry) state {
	i, found := s.find(num, e.v)
	out := make(state, 0, len(s)+1)
	out = append(out, s[:i]...)
	out = append(out, e)
	if found {
		i++
	}
	return append(out, s[i:]...)
}

func (s state) without(num map[ssa.Value]int, v ssa.Value) state {
	if _, ok := num[v]; !ok {
		return s
	}
	i, found := s.find(num, v)
	if !found {
		return s
	}
	return slices.Concat(s[:i], s[i+1:])
}

// holdsResource reports whether anything in the state still carries the
// resource (an error value alone does not).
func (s state) holdsResource() bool {
	for _, e := range s {
		switch e.role {
		case roleErr, roleErrCell, roleSelect:
		default:
			return true
		}
	}
	return false
}

// deferredRelease reports whether a pending deferred call will release the
// resource at exit.
func (s state) deferredRelease() bool {
	for _, e := range s {
		if e.deferRelease {
			return true
		}
	}
	return false
}

// onlyDirect reports whether the resource is held only by values computed
// straight from the acquisition (no cell, container or merge), so that
// re-executing the acquisition certainly loses it.
func (s state) onlyDirect() bool {
	for _, e := range s {
		if e.role == roleContainer {
			return false
		}
		if _, ok := e.v.(*ssa.Phi); ok && e.role != roleErr {
			return false
		}
	}
	return true
}

func (s state) key(num map[ssa.Value]int) string {
	var b strings.Builder
	for _, e := range s {
		b.WriteString(strconv.Itoa(num[e.v]))
		b.WriteByte(byte('0' + e.role))
		b.WriteString(e.field)
		if e.deferRelease {
			b.WriteByte('d')
		}
		if e.role == roleTuple || e.role == roleSelect {
			b.WriteString(strconv.FormatUint(uint64(e.selfMask), 16))
			b.WriteByte('/')
			b.WriteString(strconv.FormatUint(uint64(e.contMask), 16))
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(int(e.errIdx)))
		}
		b.WriteByte(';')
	}
	return b.String()
}
