// Package assert is a test-assertion package of a module's own, like
// github.com/coder/websocket's internal/test/assert: each helper takes the
// testing.TB and stops the test when its check fails.
package assert

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Error stops the test unless err is non-nil.
func Error(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("expected error")
	}
}

// ErrorIs stops the test unless errors.Is(got, exp).
func ErrorIs(t testing.TB, exp, got error) {
	t.Helper()
	if !errors.Is(got, exp) {
		t.Fatalf("expected %v but got %v", exp, got)
	}
}

// Contains stops the test unless fmt.Sprint(v) contains sub. A nil error
// prints as "<nil>": with a sub that "<nil>" does not contain, v was a
// non-nil error wherever the test goes on.
func Contains(t testing.TB, v any, sub string) {
	t.Helper()
	s := fmt.Sprint(v)
	if !strings.Contains(s, sub) {
		t.Fatalf("expected %q to contain %q", s, sub)
	}
}

// ErrorText stops the test unless err's text is want (err.Error() panics
// on a nil err).
func ErrorText(t testing.TB, err error, want string) {
	if err.Error() != want {
		t.Fatalf("got %v, want %v", err, want)
	}
}

// Success stops the test unless err is nil: the opposite assertion.
func Success(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// SoftError only logs: the test goes on whatever err is.
func SoftError(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		t.Error("expected error")
	}
}
