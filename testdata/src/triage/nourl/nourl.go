// Package nourl: a round trip of a request with no URL, which cannot
// succeed.
//
// Found in std net/http/transport_test.go:4865 (testTransportAutoHTTP),
// not actionable in docs/triage.md:
//
//	_, err := tr.RoundTrip(new(Request))
//	if err == nil {
//		t.Error("expected error from RoundTrip")
//	}
//
// and transport_test.go:3086 (TestTransportNoHost), a Request literal
// whose URL is `&url.URL{Scheme: "http"}`, reported as "*http.Response
// acquired here is not released": but Transport.RoundTrip (and Client.Do)
// fail at once on a request whose URL is nil ("http: nil Request.URL"),
// and Transport.RoundTrip on a URL with no Host ("http: no Host in request
// URL").
//
// Expected: an acquisition whose request is a struct of the function that
// nothing gives a URL (no store to its URL field, handed to no other call),
// or for a Transport a URL literal that nothing gives a Host, acquires
// nothing. Which acquisitions need which field is a table. The twins (a
// URL or Host set, the request handed to a helper first, a Client's Do
// with no Host: its transport may not need one) stay reported.
package nourl

import (
	"net/http"
	"net/url"
)

func noURL(tr *http.Transport) bool {
	_, err := tr.RoundTrip(new(http.Request))
	return err != nil
}

func noURLDo(c *http.Client) bool {
	req := &http.Request{Method: "GET", Header: make(http.Header)}
	_, err := c.Do(req)
	return err != nil
}

func withURL(tr *http.Transport, u *url.URL) bool {
	req := new(http.Request)
	req.URL = u
	_, err := tr.RoundTrip(req) // want `\*http\.Response acquired here is not released`
	return err != nil
}

func prepare(req *http.Request, u *url.URL) { req.URL = u }

func helperSetsURL(tr *http.Transport, u *url.URL) bool {
	req := new(http.Request)
	prepare(req, u)
	_, err := tr.RoundTrip(req) // want `\*http\.Response acquired here is not released`
	return err != nil
}

// noHost: transport_test.go:3086 (TestTransportNoHost).
func noHost(tr *http.Transport) bool {
	_, err := tr.RoundTrip(&http.Request{
		Header: make(http.Header),
		URL:    &url.URL{Scheme: "http"},
	})
	return err != nil
}

func withHost(tr *http.Transport) bool {
	_, err := tr.RoundTrip(&http.Request{ // want `\*http\.Response acquired here is not released`
		Header: make(http.Header),
		URL:    &url.URL{Scheme: "http", Host: "example.com"},
	})
	return err != nil
}

// A client's own transport may not need a Host.
func noHostDo(c *http.Client) bool {
	_, err := c.Do(&http.Request{URL: &url.URL{Scheme: "http"}}) // want `\*http\.Response acquired here is not released`
	return err != nil
}
