package leaky

import "testing"

// The package has a test variant, so each report is found twice (in leaky
// and in leaky [leaky.test]) and must be printed once.
func TestNothing(t *testing.T) {}
