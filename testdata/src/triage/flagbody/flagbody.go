// Package flagbody: a client wrapper that leaves the response body open only
// when a flag is set hands the body to its caller on those paths.
//
// Found in github.com/go-resty/resty/v2 v2.17.2, request_test.go:1757,
// 1779 and 1794 (TestRequestDoNotParseResponse and its DebugLog variant):
// with SetDoNotParseResponse(true), Client.execute (client.go:1244) returns
// a *Response whose RawResponse.Body it did not read or close (without the
// flag it closes it, `defer closeq(resp.Body)`); the caller must close
// resp.RawBody(). The tests discard the Response (or set RawResponse to
// nil) and never close the body. connlint is silent on resty, before and
// after the ownership changes: *resty.Response has no release method, and
// execute releases the body on some paths.
//
// Expected: a function that returns a wrapper around an *http.Response
// whose body it closes on some paths only hands the body to its caller on
// the others; when the path taken depends on a flag the caller set on the
// receiver (SetRaw(true) below), the caller must close the body reachable
// through the wrapper (RawBody). Calls without the flag, and callers that
// close RawBody, stay silent. (Hard: the flag is stored in a field by a
// builder method; a report on every call would be false on the default
// path, which is most resty code.)
package flagbody

import (
	"io"
	"net/http"
)

type Client struct {
	hc  *http.Client
	raw bool
}

type Response struct {
	RawResponse *http.Response
	body        []byte
}

func (c *Client) SetRaw(raw bool) *Client {
	c.raw = raw
	return c
}

func (c *Client) Get(url string) (*Response, error) {
	resp, err := c.hc.Get(url)
	if err != nil {
		return nil, err
	}
	r := &Response{RawResponse: resp}
	if c.raw {
		return r, nil // the caller closes r.RawBody()
	}
	defer resp.Body.Close()
	r.body, err = io.ReadAll(resp.Body)
	return r, err
}

func (r *Response) RawBody() io.ReadCloser { return r.RawResponse.Body }

func rawLeak(c *Client, url string) error {
	_, err := c.SetRaw(true).Get(url) // want `acquired here is not released`
	return err
}

func rawClosed(c *Client, url string) error {
	resp, err := c.SetRaw(true).Get(url)
	if err != nil {
		return err
	}
	return resp.RawBody().Close()
}

func parsed(c *Client, url string) ([]byte, error) {
	resp, err := c.SetRaw(false).Get(url)
	if err != nil {
		return nil, err
	}
	return resp.body, nil
}
