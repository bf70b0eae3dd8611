// Package lib: an owning struct used from another package.
package lib

import (
	"context"
	"net/http"
)

// Page owns the response it fetched.
type Page struct {
	resp *http.Response
	URL  string
}

// Fetch acquires a *Page (a fact carries it to importers).
func Fetch(ctx context.Context, c *http.Client, url string) (*Page, error) { // want Fetch:`acquires \*lib.Page \(result 0\)`
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return &Page{resp: resp, URL: url}, nil
}

// Close releases the page's response.
func (p *Page) Close() error { return p.resp.Body.Close() }

// Status reads the page.
func (p *Page) Status() int { return p.resp.StatusCode }
