package ssax

import "go/types"

// Reaches reports whether a value of type t could hold a value that
// decide accepts: whether t, or a type reachable from it through struct
// fields, elements, map keys, pointers and tuple components, is accepted.
// decide sees each type first and may settle it (decided true), either
// way; otherwise an interface, a function, a type parameter or an
// unsafe.Pointer counts as reaching anything (what it holds is not known
// from its type) and a basic type as reaching nothing.
//
// memo keeps the answers across calls: every type a false answer visited
// is false too (nothing reachable from it is accepted).
func Reaches(t types.Type, decide func(types.Type) (accept, decided bool), memo map[types.Type]bool) bool {
	if r, ok := memo[t]; ok {
		return r
	}
	seen := make(map[types.Type]bool)
	r := reaches(t, decide, memo, seen)
	memo[t] = r
	if !r {
		for u := range seen {
			memo[u] = false
		}
	}
	return r
}

func reaches(t types.Type, decide func(types.Type) (bool, bool), memo, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	if r, ok := memo[t]; ok {
		return r
	}
	seen[t] = true
	if r, ok := decide(t); ok {
		return r
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Pointer:
		return reaches(u.Elem(), decide, memo, seen)
	case *types.Slice:
		return reaches(u.Elem(), decide, memo, seen)
	case *types.Array:
		return reaches(u.Elem(), decide, memo, seen)
	case *types.Chan:
		return reaches(u.Elem(), decide, memo, seen)
	case *types.Map:
		return reaches(u.Key(), decide, memo, seen) || reaches(u.Elem(), decide, memo, seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if reaches(u.Field(i).Type(), decide, memo, seen) {
				return true
			}
		}
		return false
	case *types.Tuple:
		for i := range u.Len() {
			if reaches(u.At(i).Type(), decide, memo, seen) {
				return true
			}
		}
		return false
	default: // interfaces, functions, type parameters
		return true
	}
}
