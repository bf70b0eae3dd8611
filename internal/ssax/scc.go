package ssax

import "golang.org/x/tools/go/ssa"

// CalleesFirst orders a package's functions callees first: the strongly
// connected components of the static call graph among funcs (closures count
// as callees of the function that creates them; generic instances as their
// origin), in reverse topological order, as Tarjan's algorithm produces
// them. A bottom-up analysis that visits them in this order, and iterates
// within each component until nothing changes, sees the final summary of
// every callee outside the component, however deep the call chain.
func CalleesFirst(funcs []*ssa.Function) [][]*ssa.Function {
	local := make(map[*ssa.Function]bool, len(funcs))
	for _, fn := range funcs {
		local[fn] = true
	}
	t := tarjan{
		index: make(map[*ssa.Function]int),
		low:   make(map[*ssa.Function]int),
		on:    make(map[*ssa.Function]bool),
		local: local,
	}
	for _, fn := range funcs {
		if _, seen := t.index[fn]; !seen {
			t.visit(fn)
		}
	}
	return t.out
}

type tarjan struct {
	index, low map[*ssa.Function]int
	on         map[*ssa.Function]bool
	stack      []*ssa.Function
	local      map[*ssa.Function]bool
	out        [][]*ssa.Function
}

func (t *tarjan) visit(fn *ssa.Function) {
	t.index[fn] = len(t.index)
	t.low[fn] = t.index[fn]
	t.stack = append(t.stack, fn)
	t.on[fn] = true
	for _, callee := range t.callees(fn) {
		if _, seen := t.index[callee]; !seen {
			t.visit(callee)
			t.low[fn] = min(t.low[fn], t.low[callee])
		} else if t.on[callee] {
			t.low[fn] = min(t.low[fn], t.index[callee])
		}
	}
	if t.low[fn] == t.index[fn] {
		var scc []*ssa.Function
		for {
			top := t.stack[len(t.stack)-1]
			t.stack = t.stack[:len(t.stack)-1]
			t.on[top] = false
			scc = append(scc, top)
			if top == fn {
				break
			}
		}
		t.out = append(t.out, scc)
	}
}

func (t *tarjan) callees(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	add := func(callee *ssa.Function) {
		if callee != nil {
			if o := Origin(callee); t.local[o] && o != fn {
				out = append(out, o)
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case ssa.CallInstruction:
				add(in.Common().StaticCallee())
			case *ssa.MakeClosure:
				add(in.Fn.(*ssa.Function))
			}
		}
	}
	return out
}

// CallsItself reports whether fn calls itself directly (a component of one
// function needs a second visit only then).
func CallsItself(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil && Origin(callee) == fn {
					return true
				}
			}
		}
	}
	return false
}
