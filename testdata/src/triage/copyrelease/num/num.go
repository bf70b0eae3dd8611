// Package num stands for math/big (see the package comment of copyrelease):
// a struct that holds no resource, whose String reads its field through a
// helper that copies it with the builtin copy.
package num

type nat []uint

// set copies x into a fresh slice: copy reads x, it releases nothing.
func (z nat) set(x nat) nat {
	z = make(nat, len(x))
	copy(z, x)
	return z
}

func (x nat) itoa() []byte {
	q := nat(nil).set(x)
	return make([]byte, len(q))
}

// Int holds no resource: it is not an owning struct, and String is not a
// release method.
type Int struct {
	neg bool
	abs nat
}

func (x *Int) String() string {
	return string(x.abs.itoa())
}

func (x *Int) Sign() int { return len(x.abs) }
