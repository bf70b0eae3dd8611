// Package headresp: a HEAD response has no body to close.
//
// Found in std net/http tests (13 reports, e.g. client_test.go:84,
// transport_test.go:959, 1000, 1181): `res, err := c.Head(url)` with no
// `res.Body.Close()`. The Transport gives the connection back as soon as
// it has read a response that has no body (HEAD, or Content-Length: 0), and
// sets Body to http.NoBody, so nothing is held.
//
// Expected: silent for Head (http.Head, (*http.Client).Head). Do with a
// request built with MethodHead is the same, but needs the method value;
// Get stays reported.
package headresp

import "net/http"

func alive(c *http.Client, url string) (bool, error) {
	res, err := c.Head(url) // reported before 5d70161: "*http.Response acquired here is not released"
	if err != nil {
		return false, err
	}
	return res.StatusCode == http.StatusOK, nil
}

func aliveGet(c *http.Client, url string) (bool, error) {
	res, err := c.Get(url) // want `\*http\.Response acquired here is not released`
	if err != nil {
		return false, err
	}
	return res.StatusCode == http.StatusOK, nil
}
