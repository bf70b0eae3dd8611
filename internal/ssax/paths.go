package ssax

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// ReachAvoiding reports whether some path runs from just after from to to
// without executing an instruction for which avoid is true. When succs is
// not nil, the path leaves from's block through those successors only.
func ReachAvoiding(from ssa.Instruction, succs []*ssa.BasicBlock, to ssa.Instruction, avoid func(ssa.Instruction) bool) bool {
	b := from.Block()
	after := false
	for _, in := range b.Instrs {
		if in == from {
			after = true
			continue
		}
		if !after {
			continue
		}
		if in == to {
			return true
		}
		if avoid(in) {
			return false
		}
	}
	if succs == nil {
		succs = b.Succs
	}
	seen := make(map[*ssa.BasicBlock]bool)
	queue := append([]*ssa.BasicBlock(nil), succs...)
	for len(queue) > 0 {
		blk := queue[0]
		queue = queue[1:]
		if seen[blk] {
			continue
		}
		seen[blk] = true
		blocked := false
		for _, in := range blk.Instrs {
			if in == to {
				return true
			}
			if avoid(in) {
				blocked = true
				break
			}
		}
		if !blocked {
			queue = append(queue, blk.Succs...)
		}
	}
	return false
}

// SamePath reports whether two addresses name the same location by access
// path: the same field of the same root, through the same loads. It does
// not consider stores between the two accesses.
func SamePath(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	switch x := a.(type) {
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && types.Identical(x.X.Type(), y.X.Type()) && SamePath(Canon(x.X), Canon(y.X))
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && SamePath(x.X, y.X)
	}
	return false
}
