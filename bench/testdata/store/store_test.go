package store

import (
	"context"
	"testing"

	"example.com/det/pool"
)

func TestGet(t *testing.T) {
	p := pool.New()
	c, err := p.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Exec("select 1"); err != nil {
		return
	}
	c.Recycle()
}
