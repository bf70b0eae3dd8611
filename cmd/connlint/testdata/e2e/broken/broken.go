// Package broken does not type-check: connlint exits 1.
package broken

// F returns an undefined name.
func F() int { return undefinedName }
