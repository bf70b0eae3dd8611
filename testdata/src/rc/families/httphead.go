package families

import (
	"context"
	"net/http"
	"net/url"
)

// Client.Do with a request that is certainly a HEAD request: the response
// has no body (http.NoBody), so nothing to close. A method that is not the
// constant "HEAD", or a request that a helper could change, stays reported.

func httpDoHead(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	req.SetBasicAuth("user", "secret")
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoGetBad(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	req.SetBasicAuth("user", "secret")
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 36`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoHeadWithContext(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoMethodVariableBad(c *http.Client, method, u string) (int, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 60`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoHeadLiteral(c *http.Client, u *url.URL) (int, error) {
	resp, err := c.Do(&http.Request{Method: http.MethodHead, URL: u})
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoHeadRewrittenBad(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	req.Method = http.MethodGet
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 81`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func prepare(req *http.Request) { req.Method = http.MethodPost }

func httpDoHeadHelperBad(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	prepare(req)
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 96`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A helper that sends the request it is given, unchanged, gives no body
// for a HEAD request either: by pointer, or a copy of a variable whose
// Method was last set to HEAD on every path.
func send(c *http.Client, req *http.Request) (*http.Response, error) { return c.Do(req) }

func sendCopy(c *http.Client, req http.Request) (*http.Response, error) { return c.Do(&req) }

func httpHelperHead(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := send(c, req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpHelperGetBad(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := send(c, req) // want `\*http\.Response acquired here is not released on the path returning at line 127`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpCopyHead(c *http.Client, base *url.URL, get bool) (int, error) {
	var req http.Request
	req.URL = base
	req.Method = http.MethodGet
	if get {
		req.Header = http.Header{}
	}
	req.Method = http.MethodHead
	resp, err := sendCopy(c, req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpCopyGetOnOnePathBad(c *http.Client, base *url.URL, get bool) (int, error) {
	var req http.Request
	req.URL = base
	req.Method = http.MethodHead
	if get {
		req.Method = http.MethodGet
	}
	resp, err := sendCopy(c, req) // want `\*http\.Response acquired here is not released on the path returning at line 156`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
