package reservedclose_test

import "testing"

// The rc/... packages pin down the behaviour of reservedclose case by case:
// every buggy case (with a want) has a correct twin next to it that differs
// in one line and must stay silent. They are loaded in one run so that the
// standard library they import is analysed once.
func TestCases(t *testing.T) {
	run(t,
		"rc/families", "rc/families/routeguide",
		"rc/transfer",
		"rc/defers",
		"rc/control",
		"rc/generics",
		"rc/closures",
		"rc/crosspkg/lib", "rc/crosspkg/use",
		"rc/peers/helper", "rc/peers",
		"rc/vitess",
		"rc/collections",
		"rc/typestate",
		"rc/owners", "rc/owners/lib", "rc/owners/use",
		"rc/dynamic", "rc/sqlxuse", "rc/summaries",
		"rc/handles/lib", "rc/handles", "rc/fields",
		"directives/pool", "directives/use", "directives/malformed",
	)
}
