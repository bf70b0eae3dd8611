// Package require stands in for github.com/stretchr/testify/require: each
// assertion stops the test (t.FailNow) when it fails.
package require

// TestingT is testify's.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
}

// True stops the test unless value is true.
func True(t TestingT, value bool, msgAndArgs ...any) {
	if !value {
		t.Errorf("should be true")
		t.FailNow()
	}
}

// False stops the test unless value is false.
func False(t TestingT, value bool, msgAndArgs ...any) {
	if value {
		t.Errorf("should be false")
		t.FailNow()
	}
}

// NoError stops the test if err is not nil.
func NoError(t TestingT, err error, msgAndArgs ...any) {
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		t.FailNow()
	}
}

// Error stops the test if err is nil.
func Error(t TestingT, err error, msgAndArgs ...any) {
	if err == nil {
		t.Errorf("an error is expected but got nil")
		t.FailNow()
	}
}
