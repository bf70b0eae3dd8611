// Package fieldreleased: the owning-field rule says "nothing in this
// package releases" a field whose resource a function of the package does
// release, through the field (`rt.res.Body.Close()`).
//
// Found in the re-sweep of the old corpus (std, go1.26.8) at 317cb69:
//   - net/http/transport_test.go:1225, inside a goroutine:
//     `test.resp, test.respErr = tr.RoundTrip(req); test.resp.Body.Close()`,
//     reported as "transport100ContinueTest.resp holds a *http.Response
//     acquired here, but nothing in this package releases it";
//   - net/http/transport_dial_test.go:514, `rt.res, rt.err =
//     dt.cst.tr.RoundTrip(req)` in a goroutine, released by
//     transportDialTesterRoundTrip.finish (`if rt.err != nil { return }; ...
//     rt.res.Body.Close()`), reported as "transportDialTesterRoundTrip.res
//     holds a *http.Response acquired here, but nothing in this package
//     releases it".
//
// Expected: a release through the field anywhere in the package (in the
// closure that stored it, or in a method behind a check of the error the
// acquisition stored beside it) counts: no report. The twin whose field is
// only read is still reported.
package fieldreleased

import "net/http"

type continueTest struct {
	reqdone chan struct{}
	resp    *http.Response
	respErr error
}

func run(tr *http.Transport, req *http.Request) *continueTest {
	test := &continueTest{reqdone: make(chan struct{})}
	go func() {
		defer close(test.reqdone)
		test.resp, test.respErr = tr.RoundTrip(req)
		test.resp.Body.Close()
	}()
	return test
}

func (test *continueTest) status() int {
	<-test.reqdone
	if test.respErr != nil {
		return 0
	}
	return test.resp.StatusCode
}

type roundTrip struct {
	res *http.Response
	err error
}

func start(tr *http.Transport, req *http.Request) *roundTrip {
	rt := &roundTrip{}
	rt.res, rt.err = tr.RoundTrip(req)
	return rt
}

// finish releases res when the round trip succeeded (when it failed, res
// is nil).
func (rt *roundTrip) finish() {
	if rt.err != nil {
		return
	}
	rt.res.Body.Close()
}

// The twin: proto only reads res; nothing closes its body.
type leaky struct {
	res *http.Response
	err error
}

func startLeaky(tr *http.Transport, req *http.Request) *leaky {
	l := &leaky{}
	l.res, l.err = tr.RoundTrip(req) // want `leaky\.res holds a \*http\.Response acquired here, but nothing in this package releases it`
	return l
}

func (l *leaky) proto() string {
	if l.err != nil {
		return ""
	}
	return l.res.Proto
}
