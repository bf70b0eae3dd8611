// Package peers holds regressions for false positives reported against
// other linters (bodyclose, sqlclosecheck, spancheck, gosec). This file must
// stay silent; twins.go holds their buggy twins.
package peers

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"

	"rc/peers/helper"
)

// bodyclose #30: the body is closed by a helper in another package.
func helperBody(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer helper.CloseBody(resp)
	return resp.StatusCode, nil
}

// sqlclosecheck #43: rows are closed by a helper in another package.
func helperRows(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer helper.CloseRows(rows)
	return rows.Err()
}

// bodyclose #49/#60: a deferred closure given the response as an argument.
func deferredArgResp(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer func(r *http.Response) { r.Body.Close() }(resp)
	return resp.StatusCode, nil
}

// bodyclose #60: the closure IDEs generate, given the Body itself.
func deferredArgBody(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer func(Body io.ReadCloser) {
		if err := Body.Close(); err != nil {
			fmt.Println(err)
		}
	}(resp.Body)
	return resp.StatusCode, nil
}

// spancheck #33: a wrapper that returns the resource, and its caller.
func fetch(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	return resp, nil
}

func fetchCaller(c *http.Client, u string) (int, error) {
	resp, err := fetch(c, u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// gosec #1591: the resource is stored in a struct that is returned.
type Store struct{ conn *sql.Conn }

type Result struct {
	Rows  *sql.Rows
	Count int
}

func NewStore(ctx context.Context, db *sql.DB) (*Store, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Store{conn: conn}, nil
}

func Select(db *sql.DB) (Result, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return Result{}, err
	}
	return Result{Rows: rows, Count: 1}, nil
}

// gosec #1595: released through a struct field in a deferred closure.
func viaFieldInDefer(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	s := &Store{conn: conn}
	defer func() {
		s.conn.Close()
	}()
	return s.conn.PingContext(ctx)
}

// gosec #1590: released inside a goroutine.
func inGoroutine(c *http.Client, u string, w io.Writer, done chan<- struct{}) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
		close(done)
	}()
	return nil
}

// bodyclose #29: a retry loop that reassigns resp, err.
func retry(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}
