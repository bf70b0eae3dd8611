// Package cleanupmethodvalue: a test helper that acquires an owning struct
// and registers its Close as a method value with t.Cleanup hands the caller
// a value whose release is arranged; the caller is told to release it.
//
// Found in github.com/minio/minio-go/v7 v7.4.1,
// api-get-object-parallel_test.go:138, 157, 171, 189, 203, 213, 238 (7
// reports): `s := newParallelGetServer(t, n)`, where the helper does
// `s.Server = httptest.NewServer(...); t.Cleanup(s.Close); return s` (Close
// promoted from the embedded *httptest.Server), each reported "*minio.
// parallelGetServer acquired here is not released", docs/triage.md.
//
// The same with a Close method of the struct's own (newNamed). The closure
// form `t.Cleanup(func() { s.Close() })` is right (newClosure, silent).
// Main's 24a54dd made `t.Cleanup(db.Close)` release a declared family's
// resource; the method value of an inferred owner (or a promoted one) is
// not taken for the release it arranges.
//
// Expected: silent in TestEmbedded and TestNamed, as in TestClosure.
// Fixed: a function that arranged the release of the resource it wraps
// (here through the bound method value) does not acquire the wrapper.
package cleanupmethodvalue

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type embedded struct {
	*httptest.Server
	n int
}

func newEmbedded(t *testing.T) *embedded {
	s := &embedded{}
	s.Server = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(s.Close)
	return s
}

type named struct{ srv *httptest.Server }

func (n *named) Close() { n.srv.Close() }

func newNamed(t *testing.T) *named {
	s := &named{srv: httptest.NewServer(http.NotFoundHandler())}
	t.Cleanup(s.Close)
	return s
}

func newClosure(t *testing.T) *embedded {
	s := &embedded{}
	s.Server = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(func() { s.Close() })
	return s
}

// newLeaky arranges nothing: its caller must close the server.
func newLeaky() *embedded {
	s := &embedded{}
	s.Server = httptest.NewServer(http.NotFoundHandler())
	return s
}

func TestEmbedded(t *testing.T) { _ = newEmbedded(t).n }

func TestNamed(t *testing.T) { _ = newNamed(t).srv }

func TestClosure(t *testing.T) { _ = newClosure(t).n }

func TestLeaky(t *testing.T) {
	s := newLeaky() // want `\*cleanupmethodvalue\.embedded acquired here is not released on the path returning at line 74`
	_ = s.n
}
