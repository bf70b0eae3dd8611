// Package respafterclose: an *http.Response's header, cookies and status
// stay valid after its Body is closed.
//
// Found in std net/http/client_test.go:683: `resp.Body.Close()` then
// `matchReturnedCookies(t, expected, resp.Cookies())` is reported as a use
// after release. Closing the body releases the connection, not the
// Response: its fields and the methods that read them (Cookies, Location,
// ProtoAtLeast, Header.Get...) are fine afterwards.
//
// Expected: silent. For *http.Response the release is of the Body field:
// only uses of Body (Read) after Body.Close are uses after release. Add
// Cookies, Location, ProtoAtLeast, Write to the family's AfterRelease and
// do not count field reads other than Body.
package respafterclose

import "net/http"

func cookies(c *http.Client, url string) ([]*http.Cookie, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp.Cookies(), nil // reported before 5d70161: "*http.Response Cookies called after its release"
}
