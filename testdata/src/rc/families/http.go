package families

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// net/http Client.Do -> resp.Body.Close.
func httpDoBad(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 18 \(call Body\.Close, or defer resp\.Body\.Close\(\) after the error check\)`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpDoGood(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Client.Get.
func httpClientGetBad(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 36`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpClientGetGood(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Client.Post.
func httpClientPostBad(c *http.Client, u string) (int, error) {
	resp, err := c.Post(u, "text/plain", strings.NewReader("x")) // want `\*http\.Response acquired here is not released on the path returning at line 54`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpClientPostGood(c *http.Client, u string) (int, error) {
	resp, err := c.Post(u, "text/plain", strings.NewReader("x"))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Client.Head.
func httpClientHeadBad(c *http.Client, u string) (int, error) {
	resp, err := c.Head(u) // a HEAD response has no body (http.NoBody): nothing to close
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpClientHeadGood(c *http.Client, u string) (int, error) {
	resp, err := c.Head(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Client.PostForm.
func httpClientPostFormBad(c *http.Client, u string) (int, error) {
	resp, err := c.PostForm(u, url.Values{}) // want `\*http\.Response acquired here is not released on the path returning at line 90`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpClientPostFormGood(c *http.Client, u string) (int, error) {
	resp, err := c.PostForm(u, url.Values{})
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// http.Get.
func httpGetBad(u string) (int, error) {
	resp, err := http.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 108`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpGetGood(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// http.Post.
func httpPostBad(u string) (int, error) {
	resp, err := http.Post(u, "text/plain", strings.NewReader("x")) // want `\*http\.Response acquired here is not released on the path returning at line 126`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpPostGood(u string) (int, error) {
	resp, err := http.Post(u, "text/plain", strings.NewReader("x"))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// http.Head.
func httpHeadBad(u string) (int, error) {
	resp, err := http.Head(u) // a HEAD response has no body (http.NoBody): nothing to close
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpHeadGood(u string) (int, error) {
	resp, err := http.Head(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// http.PostForm.
func httpPostFormBad(u string) (int, error) {
	resp, err := http.PostForm(u, url.Values{}) // want `\*http\.Response acquired here is not released on the path returning at line 162`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func httpPostFormGood(u string) (int, error) {
	resp, err := http.PostForm(u, url.Values{})
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// net.Dial -> net.Conn.Close.
func netDialBad(addr string) error {
	c, err := net.Dial("tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 181 \(call Close, or defer c\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("x"))
	return err
}

func netDialGood(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("x"))
	return err
}

// net.DialTimeout.
func netDialTimeoutBad(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second) // want `net\.Conn acquired here is not released on the path returning at line 201`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("x"))
	return err
}

func netDialTimeoutGood(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("x"))
	return err
}

// net.Dialer.Dial.
func netDialerDialBad(d *net.Dialer, addr string) error {
	c, err := d.Dial("tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 221`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("x"))
	return err
}

func netDialerDialGood(d *net.Dialer, addr string) error {
	c, err := d.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("x"))
	return err
}

// net.Dialer.DialContext.
func netDialerDialContextBad(ctx context.Context, d *net.Dialer, addr string) error {
	c, err := d.DialContext(ctx, "tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 241`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("x"))
	return err
}

func netDialerDialContextGood(ctx context.Context, d *net.Dialer, addr string) error {
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("x"))
	return err
}
