package use

import (
	"context"
	"net/http"

	"rc/owners/lib"
)

func leak(ctx context.Context, c *http.Client) int {
	p, err := lib.Fetch(ctx, c, "http://example.com") // want `\*lib.Page acquired here is not released on the path returning at line 15`
	if err != nil {
		return 0
	}
	return p.Status()
}

func closed(ctx context.Context, c *http.Client) int {
	p, err := lib.Fetch(ctx, c, "http://example.com")
	if err != nil {
		return 0
	}
	defer p.Close()
	return p.Status()
}

// closePage releases its argument: a helper in this package.
func closePage(p *lib.Page) { p.Close() }

func closedByHelper(ctx context.Context, c *http.Client) int {
	p, err := lib.Fetch(ctx, c, "http://example.com")
	if err != nil {
		return 0
	}
	defer closePage(p)
	return p.Status()
}
