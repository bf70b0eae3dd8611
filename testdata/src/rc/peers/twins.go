package peers

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"

	"rc/peers/helper"
)

// The buggy twins of peers.go, each one line away from its regression.

func helperBodyBad(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 21`
	if err != nil {
		return 0, err
	}
	defer helper.Status(resp)
	return resp.StatusCode, nil
}

func helperRowsBad(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 30`
	if err != nil {
		return err
	}
	defer helper.Check(rows)
	return rows.Err()
}

func deferredArgRespBad(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 39`
	if err != nil {
		return 0, err
	}
	defer func(r *http.Response) { fmt.Println(r.StatusCode) }(resp)
	return resp.StatusCode, nil
}

func deferredArgBodyBad(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 52`
	if err != nil {
		return 0, err
	}
	defer func(Body io.ReadCloser) {
		if _, err := Body.Read(nil); err != nil {
			fmt.Println(err)
		}
	}(resp.Body)
	return resp.StatusCode, nil
}

func fetchCallerBad(c *http.Client, u string) (int, error) {
	resp, err := fetch(c, u) // want `\*http\.Response acquired here is not released on the path returning at line 60`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func NewStoreBad(ctx context.Context, db *sql.DB) (*Store, error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 68`
	if err != nil {
		return nil, err
	}
	return &Store{}, conn.PingContext(ctx)
}

func SelectBad(db *sql.DB) (Result, error) {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 76`
	if err != nil {
		return Result{}, err
	}
	return Result{Count: 1}, rows.Err()
}

func viaFieldInDeferBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 88`
	if err != nil {
		return err
	}
	s := &Store{conn: conn}
	defer func() {
		s.conn.PingContext(ctx)
	}()
	return s.conn.PingContext(ctx)
}

func inGoroutineBad(c *http.Client, u string, w io.Writer, done chan<- struct{}) error {
	resp, err := c.Get(u) // want `\*http\.Response acquired here is not released on the path returning at line 101`
	if err != nil {
		return err
	}
	go func() {
		defer fmt.Println(resp.StatusCode)
		io.Copy(w, resp.Body)
		close(done)
	}()
	return nil
}

func retryBad(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req) // want `\*http\.Response acquired here is not released on the path returning at line 117`
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	_ = resp.StatusCode
	return nil
}
