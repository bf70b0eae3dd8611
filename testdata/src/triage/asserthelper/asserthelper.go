// Package asserthelper: a test expects an acquisition to fail and checks
// the error with an assertion helper of its own module.
//
// Found in github.com/coder/websocket v1.8.15 (issue 12's catalogue
// sweep), 14 reports: accept_test.go:28, 43, 59, 90, 101, 122, 142, 168;
// dial_test.go:78, 90, 119, 317; hijack_go120_test.go:32, 36, e.g.
//
//	_, err := websocket.Accept(w, r, nil)
//	assert.Contains(t, err, "protocol violation")
//
// with the module's internal/test/assert (Contains, ErrorIs, Error), which
// calls t.Fatalf when the check fails. connlint knew testify's assertions
// by name (resource.AssertionOf), not a helper it had not been told of,
// and reported "*websocket.Conn acquired here is not released".
//
// Expected: a function is an assertion that its parameter is a non-nil
// error when none of its paths with that parameter nil returns (they call
// Fatal, panic or call another such assertion): `if err == nil`,
// `errors.Is(err, target)`, `err.Error()` (a nil error panics), and
// `strings.Contains(fmt.Sprint(err), sub)` where the caller passes a sub
// that "<nil>" does not contain. Its summary says so, in this package and
// in those that import it. The twins (a helper that only logs, one that
// asserts success, a sub that "<nil>" contains) stay reported. And inline:
// `err.Error()` on the acquisition's error ends the path where it
// succeeded (std net/http client_test.go:1010, Vitess pool_test.go:1169).
package asserthelper

import (
	"fmt"
	"net"
	"strings"
	"testing"

	"triage/asserthelper/assert"
)

var errRefused = fmt.Errorf("refused")

func dialError(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	assert.Error(t, err)
}

func dialErrorIs(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	assert.ErrorIs(t, errRefused, err)
}

func dialContains(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	assert.Contains(t, err, "connection refused")
}

func dialErrorText(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	assert.ErrorText(t, err, "connection refused")
}

func dialLocalHelper(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	mustFail(t, err)
}

// mustFail is a helper of the same package, through another helper.
func mustFail(t testing.TB, err error) {
	assert.Contains(t, err, "dial")
}

func dialInlineErrorText(t *testing.T) {
	_, err := net.Dial("tcp", "bad")
	if err.Error() != "connection refused" { // panics where the Dial succeeded
		t.Fatal(err)
	}
}

// The twins.

func dialSoft(t *testing.T) {
	_, err := net.Dial("tcp", "bad") // want `net\.Conn acquired here is not released`
	assert.SoftError(t, err)
}

func dialSuccess(t *testing.T) {
	_, err := net.Dial("tcp", "bad") // want `net\.Conn acquired here is not released`
	assert.Success(t, err)
}

func dialContainsNil(t *testing.T) {
	_, err := net.Dial("tcp", "bad") // want `net\.Conn acquired here is not released`
	assert.Contains(t, err, "nil")   // "<nil>" contains it: err may be nil
}

func dialInlineSprint(t *testing.T) {
	_, err := net.Dial("tcp", "bad") // want `net\.Conn acquired here is not released`
	if !strings.Contains(fmt.Sprint(err), "") {
		t.Fatal(err)
	}
}
