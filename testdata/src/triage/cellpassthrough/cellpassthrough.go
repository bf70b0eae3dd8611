// Package cellpassthrough: a local closure that returns the *http.Response
// it is given (after setting headers), called through a variable another
// closure captures (so through a cell), is taken for a func value that
// acquires a response: the composite literal passed to it is reported as a
// response acquired and not closed.
//
// Found in github.com/minio/minio-go/v7 v7.4.1,
// api-error-response_test.go:148-154, 166, 167 (9 reports):
// `setCommonHeaders := func(resp *http.Response) *http.Response {
// resp.Header = ...; return resp }`, captured by `genEmptyBodyResponse`,
// then `genErrResponse(setCommonHeaders(&http.Response{StatusCode: 404}),
// ...)`, docs/triage.md.
//
// Main's closurecallee fix (24a54dd) decides a call through a captured
// closure variable by the closure's summary; that summary says the result
// is the argument (not an acquisition), but the result is still taken for
// an acquired resource. The static call (direct, below) is silent.
//
// Expected: silent in both; a closure that really acquires (open, below)
// is still reported.
package cellpassthrough

import "net/http"

func captured() int {
	set := func(r *http.Response) *http.Response {
		r.Header = make(http.Header)
		return r
	}
	gen := func(code int) *http.Response { return set(&http.Response{StatusCode: code}) }
	r := set(&http.Response{StatusCode: 404})
	return r.StatusCode + gen(1).StatusCode
}

func direct() int {
	set := func(r *http.Response) *http.Response {
		r.Header = make(http.Header)
		return r
	}
	r := set(&http.Response{StatusCode: 404})
	return r.StatusCode
}

func open(c *http.Client) int {
	get := func(u string) *http.Response {
		r, err := c.Get(u)
		if err != nil {
			return nil
		}
		return r
	}
	use := func() int { return get("b").StatusCode } // want `\*http\.Response acquired here is not released`
	r := get("a")                                    // want `\*http\.Response acquired here is not released`
	if r == nil {
		return use()
	}
	return r.StatusCode + use()
}
