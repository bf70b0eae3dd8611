// Package copyrelease: a struct that holds no resource became an inferred
// family (an "owning struct"), and the interface rule then made every
// interface method returning it an acquisition.
//
// Found in the re-sweep of the old corpus (std, go1.26.8) at 317cb69:
// crypto/ecdsa/ecdsa_legacy.go:192 `x, y := c.Add(x1, y1, x2, y2)` (c an
// elliptic.Curve) is reported as "*big.Int acquired here is not released
// on the path returning at line 195 (call String or MarshalText or
// MarshalJSON ...)", and the same for every elliptic.Curve method in
// crypto/... (see docs/triage.md, "Old corpus at 317cb69"). (*big.Int).String
// calls nat.itoa, which calls nat.set, which does `copy(z, x)`: the summary
// says the builtin copy releases its source, so String, MarshalText and
// MarshalJSON "release the receiver on every path", and ownerFamily infers
// a family for *big.Int although it holds no resource at all.
//
// Expected: the builtin copy reads its source and releases nothing; and a
// struct with no field that holds a resource (directly, embedded, or
// through another owning struct) is never an inferred family, whatever its
// methods' summaries say. No report below.
package copyrelease

import "triage/copyrelease/num"

type curve interface {
	Mul(x *num.Int, k []byte) *num.Int
}

func isZero(c curve, k []byte) bool {
	x := c.Mul(nil, k) // not an acquisition: *num.Int is no resource
	if x.Sign() == 0 {
		return false
	}
	return true
}
