// Package errtext: a test expects the acquisition to fail and checks the
// error's text; on success the check fails the test (err.Error() on a nil
// error panics; fmt.Sprint(nil) has no such text), so nothing is acquired
// where the test goes on.
//
// Found in google.golang.org/grpc v1.85.0, clientconn_test.go:904
// (`_, err := NewClient(...); if !strings.Contains(err.Error(), prefix) {
// t.Fatalf(...) }`) and default_dial_option_server_option_test.go:74/97
// (`if _, err := NewClient(...); !strings.Contains(fmt.Sprint(err), msg) {
// t.Fatalf(...) }`), docs/triage.md.
//
// Expected: a method call on the error (err.Error()) proves it non-nil on
// the paths that go on, as `err != nil` does; silent in TestErrorMethod.
// The fmt.Sprint form needs the substring to be known absent from "<nil>";
// TestSprint documents it, silent too. The twin that checks nothing leaks.
package errtext

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

func TestErrorMethod(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select * from nowhere")
	if !strings.Contains(err.Error(), "no such table") {
		t.Fatalf("got %v", err)
	}
}

func TestSprint(t *testing.T) {
	var db *sql.DB
	if _, err := db.Query("select * from nowhere"); !strings.Contains(fmt.Sprint(err), "no such table") {
		t.Fatalf("got %v", err)
	}
}

func TestNoCheck(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select 1") // want `\*sql\.Rows acquired here is not released`
	t.Log(err)
}
