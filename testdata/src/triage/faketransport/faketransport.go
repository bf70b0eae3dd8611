// Package faketransport: an http.Client whose Transport is a fake of the
// same package that never returns a response.
//
// Found in std net/http/client_test.go:108, 128, 157, 627, 633, 636, 640,
// 644, 1092, 1132 (not actionable in docs/triage.md):
//
//	type recordingTransport struct{ req *Request }
//
//	func (t *recordingTransport) RoundTrip(req *Request) (*Response, error) {
//		t.req = req
//		return nil, errors.New("dummy impl")
//	}
//
//	tr := &recordingTransport{}
//	client := &Client{Transport: tr}
//	client.Get(url) // Note: doesn't hit network
//
// reported as "*http.Response acquired here is not released": but the
// client's only Transport returns a nil response on every path, so Get
// returns none (a nil response with a nil error is an error of the
// client's).
//
// Expected: an acquisition by a method of http.Client whose client is a
// composite literal of this function, given one Transport in all, of a
// concrete type of this package whose RoundTrip returns a constant nil
// response on every path, acquires nothing. The twins (a fake that
// answers, a Transport assigned twice, a client handed to a helper that
// may change it) stay reported.
package faketransport

import (
	"errors"
	"net/http"
)

type recordingTransport struct{ req *http.Request }

func (t *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.req = req
	return nil, errors.New("dummy impl")
}

type answeringTransport struct{}

func (answeringTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{Body: http.NoBody, Request: req}, nil
}

func recorded() *http.Request {
	tr := &recordingTransport{}
	client := &http.Client{Transport: tr}
	client.Get("http://dummy.faketld/")
	req, _ := http.NewRequest("POST", "http://dummy.faketld/", nil)
	client.Do(req)
	return tr.req
}

func answered() {
	client := &http.Client{Transport: answeringTransport{}}
	client.Get("http://dummy.faketld/") // want `\*http\.Response acquired here is not released`
}

func reassigned() {
	client := &http.Client{Transport: &recordingTransport{}}
	client.Transport = answeringTransport{}
	client.Get("http://dummy.faketld/") // want `\*http\.Response acquired here is not released`
}

func configure(c *http.Client) { c.Transport = http.DefaultTransport }

func handedToHelper() {
	client := &http.Client{Transport: &recordingTransport{}}
	configure(client)
	client.Get("http://dummy.faketld/") // want `\*http\.Response acquired here is not released`
}

// roundTripperFunc adapts a func, as net/http's client_test.go:2130 does.
type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) {
	return f(req)
}

func funcNeverAnswers(deadline func(*http.Request) bool) {
	c := &http.Client{
		Transport: roundTripperFunc(func(req *http.Request) (*http.Response, error) {
			if !deadline(req) {
				return nil, errors.New("no deadline")
			}
			return nil, errors.New("not actually making a request")
		}),
	}
	c.Get("https://example.tld/")
}

func funcAnswers() {
	c := &http.Client{
		Transport: roundTripperFunc(func(req *http.Request) (*http.Response, error) {
			return &http.Response{Body: http.NoBody, Request: req}, nil
		}),
	}
	c.Get("https://example.tld/") // want `\*http\.Response acquired here is not released`
}
