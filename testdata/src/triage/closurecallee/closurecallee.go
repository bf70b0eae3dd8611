// Package closurecallee: a call through a variable bound to a closure of
// the same function (a test helper closure called from inside a t.Run
// callback, so through a captured variable) is decided by the interface
// and func-value rule ("a func value returning a resource type acquires
// it") instead of by the closure's own summary, which the engine has.
//
// Found in the re-sweep of the old corpus (Vitess v0.24.4, go vet mode,
// at 3bc9cd7):
// go/vt/vttablet/tabletserver/query_executor_test.go:2454, 2504, 2519,
// 2652, 2688, `db, tsv := newExecutor(t)` where
// `newExecutor := func(t *testing.T) (*fakesqldb.DB, *TabletServer) {
// db := setUpQueryExecutorTest(t); t.Cleanup(db.Close); ...; return db,
// tsv }`, each reported as "*fakesqldb.DB acquired here is not released on
// the path returning at line N". The same shape gives std's
// net/smtp/smtp_test.go reports (`fake := func(server string) (*Client,
// ...)`) and pgx's pgconn/auth_scram_test.go:445 (`setup := func(t) *scramClient`)
// their acquisition.
//
// Expected: when the called value is a closure the function made and never
// reassigned (a MakeClosure bound to a local or captured variable), its
// summary decides: here it arranged the release with t.Cleanup, as the
// static call in direct does, so no report. A func value the engine cannot
// resolve (a parameter) still follows the interface rule (leaky).
package closurecallee

import (
	"testing"

	"triage/closurecallee/fakedb"
)

func setUp(t *testing.T) *fakedb.DB {
	db, err := fakedb.New()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func runCall(t *testing.T) {
	newExecutor := func(t *testing.T) *fakedb.DB {
		db := setUp(t)
		t.Cleanup(db.Close)
		return db
	}
	t.Run("call", func(t *testing.T) {
		db := newExecutor(t)
		db.AddQuery("select 1")
	})
}

func direct(t *testing.T) {
	db := setUp(t)
	t.Cleanup(db.Close)
	db.AddQuery("select 1")
}

func leaky(t *testing.T, open func(*testing.T) *fakedb.DB) {
	db := open(t) // want `\*fakedb\.DB acquired here is not released on the path returning at line 61`
	db.AddQuery("select 1")
}
