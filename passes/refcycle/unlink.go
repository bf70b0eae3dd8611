package refcycle

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/heapgraph"
	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// R3: an unlinked node keeps its link.
//
// The linked form needs all of: n is read from a slot (a field or global,
// plain or an atomic with Load), the slot is then set to n's own link
// (plain store, Store, or a CompareAndSwap from n, on its success branch),
// and n escapes (returned, stored, sent) on a path from there that does not
// overwrite n's link. A node that is unlinked but dropped, or whose link is
// cleared or overwritten (moved to another list), is fine.
//
// The slice form needs a read of s.f[len(s.f)-k] that the function returns
// (a pool's Get hands the element out; its caller may close and drop it
// while the slot still holds it) and a store of s.f[:len(s.f)-k] back into
// s.f, for a field whose elements hold pointers, in a function that never
// stores into an element of s.f (zeroing the slot, or the swap of a
// swap-remove, which leaves a duplicate of a live element). Pops whose
// element stays inside the function (the stack of Tarjan's algorithm) are
// not reported: the popped values are alive elsewhere anyway.
//
// Approximations: n passed to a call is not an escape (the callee may push
// it back, which overwrites the link); two reads of the same field path are
// the same slot, whatever happens between them.

func (c *checker) unlinks() {
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					c.slicePop(fn, in)
				default:
					if n, slot := takeFromSlot(instr); n != nil {
						c.unlinkNode(fn, n, slot)
					}
				}
			}
		}
	}
}

// hasLifecycle reports whether objects of type t have a lifecycle: they can
// be released (closed, discarded) and leave the structure that holds them
// for good. Such objects are what a stale reference really retains; a free
// list of plain scratch objects (gob's decoder states, regexp's threads)
// keeps its nodes alive anyway, stale links or not.
//
// A type has a lifecycle if it, or a field of it (through embedded and
// nested structs and pointers, two levels deep), is a resource of the
// families table, has a method with a release name (Close, Release, ...),
// or has a method marked //connlint:release (in any package: the facts
// analyzer reads the directives of every package it sees).
func (c *checker) hasLifecycle(t types.Type) bool {
	if has, ok := c.lifecycles[t]; ok {
		return has
	}
	if c.lifecycles == nil {
		c.lifecycles = make(map[types.Type]bool)
	}
	has := c.lifecycle(t, 0)
	c.lifecycles[t] = has
	return has
}

func (c *checker) lifecycle(t types.Type, depth int) bool {
	if resource.ByType(ssax.TypeKey(t)) != nil {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, isParam := t.(*types.TypeParam); !isParam {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj().(*types.Func)
		if resource.IsReleaseName(m.Name()) || c.facts.IsReleaseMethod(m) {
			return true
		}
	}
	if depth >= 2 {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		ft := st.Field(i).Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		if c.lifecycle(ft, depth+1) {
			return true
		}
	}
	return false
}

// takeFromSlot recognises n := s.head, n := head (a global), and
// n := s.head.Load() (also the first result of a Load returning a tuple,
// as vitess's atomic2.PointerAndUint64 does). It returns n and the slot's
// address.
func takeFromSlot(instr ssa.Instruction) (ssa.Value, ssa.Value) {
	switch in := instr.(type) {
	case *ssa.UnOp:
		if in.Op == token.MUL && isSlot(in.X) {
			return in, in.X
		}
	case *ssa.Call:
		if recv, name := methodCall(in); name == "Load" && isSlot(recv) {
			return ssax.Result(in, 0), recv
		}
	}
	return nil, nil
}

func isSlot(addr ssa.Value) bool {
	switch addr.(type) {
	case *ssa.FieldAddr, *ssa.Global:
		return true
	}
	return false
}

// methodCall returns the receiver and name of a static method call.
func methodCall(call ssa.CallInstruction) (ssa.Value, string) {
	m := ssax.Method(call.Common())
	if m == nil || call.Common().IsInvoke() {
		return nil, ""
	}
	return ssax.Receiver(call.Common()), m.Name()
}

// linkFields returns the fields of node type t that refer to another t:
// *T or atomic.Pointer[T]. Types that are not in the garbage-collected
// heap (runtime internals marked sys.NotInHeap) have none that matter.
func linkFields(t types.Type) []int {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []int
	for i := 0; i < st.NumFields(); i++ {
		ft := st.Field(i).Type()
		if ssax.TypeKey(ft) == "internal/runtime/sys.NotInHeap" {
			return nil
		}
		if linkTarget(ft, t) {
			out = append(out, i)
		}
	}
	return out
}

func linkTarget(ft, node types.Type) bool {
	if p, ok := types.Unalias(ft).(*types.Pointer); ok {
		return typegraph.Same(p.Elem(), node)
	}
	if n, ok := types.Unalias(ft).(*types.Named); ok && ssax.TypeKey(n) == "sync/atomic.Pointer" {
		return typegraph.Same(n.TypeArgs().At(0), node)
	}
	return false
}

// unlinkNode checks the linked form for node n taken from slot.
func (c *checker) unlinkNode(fn *ssa.Function, n, slot ssa.Value) {
	if n == nil {
		return
	}
	node := ssax.Deref(n.Type())
	links := linkFields(node)
	if len(links) == 0 || !c.hasLifecycle(node) {
		return
	}
	for _, ref := range *n.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != n || !slices.Contains(links, fa.Field) {
			continue
		}
		read, next := readLink(fa)
		if next == nil {
			continue
		}
		head, onSuccess := c.headStore(n, next, slot)
		if head == nil {
			continue
		}
		clears := func(in ssa.Instruction) bool { return overwritesLink(in, n, fa.Field) }
		if !ssax.ReachAvoiding(read, nil, head, clears) {
			continue // the link is overwritten before the head moves
		}
		for _, esc := range escapes(n, slot) {
			if ssax.ReachAvoiding(head, onSuccess, esc, clears) {
				c.reportUnlink(fn, n, fa, slot, head)
				return
			}
		}
	}
}

// readLink returns the instruction reading n.link and the value read.
func readLink(fa *ssa.FieldAddr) (ssa.Instruction, ssa.Value) {
	for _, ref := range *fa.Referrers() {
		switch in := ref.(type) {
		case *ssa.UnOp:
			if in.Op == token.MUL {
				return in, in
			}
		case *ssa.Call:
			if recv, name := methodCall(in); name == "Load" && recv == fa {
				return in, in
			}
		}
	}
	return nil, nil
}

// headStore finds where the slot is set to next: a store, a Store call, or
// a CompareAndSwap(n, next). For a CompareAndSwap it also returns the
// blocks where it succeeded.
func (c *checker) headStore(n, next, slot ssa.Value) (ssa.Instruction, []*ssa.BasicBlock) {
	for _, ref := range *next.Referrers() {
		switch in := ref.(type) {
		case *ssa.Store:
			if in.Val == next && ssax.SamePath(in.Addr, slot) {
				return in, nil
			}
		case *ssa.Call:
			recv, name := methodCall(in)
			if recv == nil || !ssax.SamePath(recv, slot) {
				continue
			}
			switch name {
			case "Store":
				if len(in.Call.Args) == 2 && in.Call.Args[1] == next {
					return in, nil
				}
			case "CompareAndSwap":
				// (old, new) or, for pointer-and-counter pairs,
				// (oldp, oldu, newp, newu): the pointer arguments in order.
				var ptrs []ssa.Value
				for _, a := range in.Call.Args[1:] {
					if _, ok := a.Type().Underlying().(*types.Pointer); ok || ssax.IsNil(a) {
						ptrs = append(ptrs, a)
					}
				}
				if len(ptrs) == 2 && ssax.Canon(ptrs[0]) == n && ptrs[1] == next {
					return in, successBlocks(in)
				}
			}
		}
	}
	return nil, nil
}

// successBlocks returns the successor taken when a CompareAndSwap
// succeeds, if its result decides a branch; nil means all successors.
func successBlocks(call *ssa.Call) []*ssa.BasicBlock {
	for _, ref := range *call.Referrers() {
		switch in := ref.(type) {
		case *ssa.If:
			return in.Block().Succs[:1]
		case *ssa.UnOp:
			if in.Op != token.NOT {
				continue
			}
			for _, r := range *in.Referrers() {
				if iff, ok := r.(*ssa.If); ok {
					return iff.Block().Succs[1:]
				}
			}
		}
	}
	return nil
}

// overwritesLink reports whether in stores into n.link (n.next = x,
// n.next.Store(x), *n = T{}), or calls a function of the package that does
// so to the n it is passed (n.reset()): the unlinked node no longer refers
// to its old neighbour.
func overwritesLink(in ssa.Instruction, n ssa.Value, field int) bool {
	return overwrites(in, n, field, 0)
}

// maxClearDepth bounds how deep overwrites looks into called functions.
const maxClearDepth = 2

func overwrites(in ssa.Instruction, n ssa.Value, field, depth int) bool {
	isLink := func(addr ssa.Value) bool {
		if ssax.Canon(addr) == n {
			return true // the whole node
		}
		fa, ok := addr.(*ssa.FieldAddr)
		return ok && fa.Field == field && ssax.Canon(fa.X) == n
	}
	switch in := in.(type) {
	case *ssa.Store:
		return isLink(in.Addr)
	case ssa.CallInstruction:
		if _, ok := in.(*ssa.Call); ok {
			if recv, name := methodCall(in); recv != nil && isLink(recv) && ssax.Canon(recv) != n {
				return name == "Store" || name == "Swap" || name == "CompareAndSwap"
			}
		}
		callee := in.Common().StaticCallee()
		if callee == nil || depth >= maxClearDepth || callee.Pkg == nil || callee.Blocks == nil {
			return false
		}
		callee = ssax.Origin(callee)
		for i, a := range in.Common().Args {
			if ssax.Canon(a) != n || i >= len(callee.Params) {
				continue
			}
			for _, b := range callee.Blocks {
				for _, cin := range b.Instrs {
					if overwrites(cin, callee.Params[i], field, depth+1) {
						return true
					}
				}
			}
		}
	}
	return false
}

// escapes returns the instructions through which n leaves the function or
// becomes reachable from elsewhere: returns, stores, map updates, sends.
// Storing n back into its own slot is not an escape.
func escapes(n, slot ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		if seen[v] || depth > 3 {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch in := ref.(type) {
			case *ssa.Return, *ssa.MapUpdate, *ssa.Send:
				out = append(out, in)
			case *ssa.Store:
				if in.Val == v && !ssax.SamePath(in.Addr, slot) {
					out = append(out, in)
				}
			case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.Convert:
				visit(in.(ssa.Value), depth+1)
			}
		}
	}
	visit(n, 0)
	return out
}

func (c *checker) reportUnlink(fn *ssa.Function, n ssa.Value, link *ssa.FieldAddr, slot ssa.Value, head ssa.Instruction) {
	field := ssax.Field(link.X.Type(), link.Field)
	if field == nil {
		return
	}
	v := c.varName(n, "n")
	clear := fmt.Sprintf("%s.%s = nil", v, field.Name())
	if ssax.TypeKey(field.Type()) == "sync/atomic.Pointer" {
		clear = fmt.Sprintf("%s.%s.Store(nil)", v, field.Name())
	}
	how := "sets"
	if call, ok := head.(*ssa.Call); ok {
		_, how = methodCall(call)
	}
	c.report(ruleUnlink, fn.Pos(), fn.Pos(), []analysis.RelatedInformation{{Pos: head.Pos(), Message: "the head moves to " + v + "." + field.Name() + " here"}},
		"%s unlinks %s from %s (%s to %s.%s) but lets it escape with %s.%s still set: while %s is alive (e.g. a reserved connection that is never pushed back) it pins every node that was below it and all they hold; clear the link once unlinked (%s)",
		fn.Name(), v, heapgraph.DescribeAddr(slot), how, v, field.Name(), v, field.Name(), v, clear)
}

// varName returns the source name of the variable v is assigned to (for
// oldHead, _ := s.top.Load(), "oldHead"), or def.
func (c *checker) varName(v ssa.Value, def string) string {
	pos := v.Pos()
	idx := 0
	if e, ok := v.(*ssa.Extract); ok {
		pos, idx = e.Tuple.Pos(), e.Index
	}
	f := analysisutil.FileOf(c.pass.Files, pos)
	if !pos.IsValid() || f == nil {
		return def
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for _, n := range path {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		if len(as.Lhs) != len(as.Rhs) {
			if idx < len(as.Lhs) {
				if id, ok := as.Lhs[idx].(*ast.Ident); ok && id.Name != "_" {
					return id.Name
				}
			}
			return def
		}
		for i, r := range as.Rhs {
			if r.Pos() <= pos && pos < r.End() {
				if id, ok := as.Lhs[i].(*ast.Ident); ok && id.Name != "_" {
					return id.Name
				}
			}
		}
		return def
	}
	return def
}
