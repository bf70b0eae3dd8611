// Package selfrelease: a method of the resource's own type that releases it
// behind a nil guard on the field it closes (net/http's
// `func (r *Response) closeBody() { if r.Body != nil { r.Body.Close() } }`)
// is not taken as a release where the package calls it.
//
// Found in the re-sweep of the old corpus (std, go1.26.8) at 317cb69:
// net/http/client.go:733 (non-test code), `resp, didTimeout, err =
// c.send(req, deadline)` in Client.do's redirect loop, reported as
// "*http.Response acquired here is not released on the path returning at
// line 653": on that path (a Location that does not parse) the code calls
// `resp.closeBody()` right before returning. (The acquisition itself is
// new: c.send reaches RoundTripper.RoundTrip, an interface method that now
// acquires.) Here the family is declared with //connlint:release, as the
// table declares *http.Response in net/http.
//
// Expected: a method whose summary releases its receiver on every path
// where the receiver has something to release (the nil guard) releases it
// at the call: no report. The twin that returns without calling it is
// still reported.
package selfrelease

import (
	"errors"
	"io"
)

type Response struct {
	Body     io.ReadCloser
	Location string
}

// Close releases r.
//
//connlint:release
func (r *Response) Close() error { return r.Body.Close() }

// closeBody releases r when there is one (net/http's guards r.Body, the
// field its family releases through; a directive family has no such
// field, so here the guard is on r itself).
func (r *Response) closeBody() {
	if r != nil {
		r.Close()
	}
}

type RoundTripper interface {
	RoundTrip(url string) (*Response, error)
}

type client struct{ rt RoundTripper }

func (c *client) do(url string) (*Response, error) {
	var resp *Response
	for i := 0; ; i++ {
		if i > 0 {
			if resp.Location == "" {
				return resp, nil
			}
			if resp.Location == "bad" {
				resp.closeBody()
				return nil, errors.New("bad location")
			}
			url = resp.Location
			resp.Close()
		}
		var err error
		if resp, err = c.rt.RoundTrip(url); err != nil {
			return nil, err
		}
		if resp.Location == "" {
			return resp, nil
		}
	}
}

func (c *client) doLeaky(url string) (*Response, error) {
	var resp *Response
	for i := 0; ; i++ {
		if i > 0 {
			if resp.Location == "bad" {
				return nil, errors.New("bad location")
			}
			url = resp.Location
			resp.Close()
		}
		var err error
		if resp, err = c.rt.RoundTrip(url); err != nil { // want `\*selfrelease\.Response acquired here is not released on the path returning at line 81`
			return nil, err
		}
		if resp.Location == "" {
			return resp, nil
		}
	}
}
