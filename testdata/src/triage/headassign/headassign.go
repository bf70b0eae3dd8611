// Package headassign: a request variable whose method is set to HEAD right
// before a helper sends a copy of it.
//
// Found in std net/http/fs_test.go:118 (testServeFile): one `var req
// Request` is sent for each method in turn through
// `getBody(t, name, req, c)`, which takes the request by value and calls
// `client.Do(&req)`; `req.Method = MethodHead` precedes the HEAD round.
// A HEAD response has no body (http.NoBody): false.
//
// Expected: silent when, on every path to the copy handed to the helper,
// the last store into the variable's Method is the constant "HEAD", and
// the helper sends the request it was given without changing its method.
// The other rounds (a method from a variable, GET) stay reported, and so
// does a helper that sets the method itself.
package headassign

import (
	"io"
	"net/http"
	"net/url"
)

func getBody(req http.Request, c *http.Client) (*http.Response, []byte, error) {
	r, err := c.Do(&req)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(r.Body)
	return r, b, err
}

func getBodyAsPost(req http.Request, c *http.Client) (*http.Response, []byte, error) {
	req.Method = http.MethodPost
	r, err := c.Do(&req)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(r.Body)
	return r, b, err
}

func serveFile(c *http.Client, u string) error {
	var req http.Request
	req.Header = make(http.Header)
	var err error
	if req.URL, err = url.Parse(u); err != nil {
		return err
	}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		req.Method = method
		_, _, err := getBody(req, c) // want `\*http\.Response acquired here is not released`
		if err != nil {
			return err
		}
	}
	req.Method = http.MethodHead
	resp, _, err := getBody(req, c)
	if err != nil {
		return err
	}
	if resp.Header.Get("Content-Length") == "" {
		return io.ErrUnexpectedEOF
	}
	req.Method = http.MethodGet
	_, _, err = getBody(req, c) // want `\*http\.Response acquired here is not released`
	if err != nil {
		return err
	}
	req.Method = http.MethodHead
	_, _, err = getBodyAsPost(req, c) // want `\*http\.Response acquired here is not released`
	return err
}
