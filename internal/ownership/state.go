package ownership

import (
	"slices"

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
	// roleReleaser: a function that releases the resource when called (the
	// cleanup a helper returns beside it, handles.go).
	roleReleaser
	// roleOwner: a struct (or a pointer to one) whose field `field` is the
	// resource (the owning-field rule, fields.go).
	roleOwner
	// roleOkErr: the error result of a callee that releases the resource
	// when it returns nil (Param.Cond == CondOnSuccess): on the branch
	// where it is nil the resource is released.
	roleOkErr
)

// isErr: an error value that says something about the resource without
// carrying it.
func (r role) isErr() bool { return r == roleErr || r == roleOkErr }

// An entry is one tracked value.
type entry struct {
	v     ssa.Value
	n     int32 // v's number in the function (the state's sort key)
	role  role
	field string // rolePart: the field of the resource; roleOwner: the field that is

	// roleTuple: which components are the resource, contain it, are
	// functions that release it, or are the acquisition's error (-1: none).
	selfMask, contMask, relMask uint32
	errIdx                      int8
	// okMask: components that are roleOkErr errors.
	okMask uint32

	// deferRelease: a deferred call releases whatever this cell holds at
	// exit. The path is released if the cell still holds the resource then.
	deferRelease bool
}

// A state is the set of values that refer to the resource at one point of
// one path, kept sorted by value number so that equal sets compare equal.
// A state is owned by the block being interpreted (see with).
type state []entry

func (s state) find(num numbering, v ssa.Value) (int, bool) {
	n, ok := num[v]
	if !ok {
		// Never tracked, so in no state; a new number sorts last.
		return len(s), false
	}
	return slices.BinarySearchFunc(s, n, func(e entry, n int32) int { return int(e.n - n) })
}

// lookup scans: states hold a handful of entries, and comparing values is
// cheaper than numbering v.
func (s state) lookup(v ssa.Value) (entry, bool) {
	for _, e := range s {
		if e.v == v {
			return e, true
		}
	}
	return entry{}, false
}

// with and without update the state in place: a search clones the state it
// receives at the start of each block (and before assigning φ-nodes on an
// edge), so no other holder sees the change.
func (s state) with(num numbering, e entry) state {
	e.n = num.of(e.v)
	i, found := s.find(num, e.v)
	if found {
		s[i] = e
		return s
	}
	return slices.Insert(s, i, e)
}

func (s state) without(num numbering, v ssa.Value) state {
	if _, ok := s.lookup(v); !ok {
		return s
	}
	i, found := s.find(num, v)
	if !found {
		return s
	}
	return slices.Delete(s, i, i+1)
}

// holdsResource reports whether anything in the state still carries the
// resource (an error value alone does not).
func (s state) holdsResource() bool {
	for _, e := range s {
		switch e.role {
		case roleErr, roleErrCell, roleSelect, roleOkErr:
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
		if _, ok := e.v.(*ssa.Phi); ok && !e.role.isErr() {
			return false
		}
	}
	return true
}

// key hashes the state (FNV-1a over its entries) for the visited set.
func (s state) key() uint64 {
	h := uint64(14695981039346656037)
	mix := func(x uint64) {
		for i := 0; i < 8; i++ {
			h ^= x & 0xff
			h *= 1099511628211
			x >>= 8
		}
	}
	for _, e := range s {
		mix(uint64(e.n))
		mix(uint64(e.role) | uint64(e.selfMask)<<8 | uint64(e.contMask)<<40)
		mix(uint64(e.relMask) | uint64(e.okMask)<<32)
		mix(uint64(uint8(e.errIdx)) | boolBit(e.deferRelease)<<8)
		for i := 0; i < len(e.field); i++ {
			mix(uint64(e.field[i]))
		}
	}
	return h
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
