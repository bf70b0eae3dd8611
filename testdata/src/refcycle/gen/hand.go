package gen

// A hand-written file of the same package is still checked.

type other struct{ free []*conn }

func (o *other) get() *conn { // want `get pops the last element of other.free`
	c := o.free[len(o.free)-1]
	o.free = o.free[:len(o.free)-1]
	return c
}
