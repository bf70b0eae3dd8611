// Package summaries: what callees and guards do with a resource.
package summaries

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log"
	"net/http"
	"testing"
)

// A nil guard on the body: on the branch where it is nil there is nothing
// to close.
func guardedBody(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	return resp.StatusCode, nil
}

func guardedBodyForgotten(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `\*http.Response acquired here is not released on the path returning at line 35`
	if err != nil {
		return 0, err
	}
	if resp.Body == nil {
		return 0, nil
	}
	return resp.StatusCode, nil
}

// Returning the header hands nothing on: the body still leaks.
func headerOnly(url string) (http.Header, error) {
	resp, err := http.Get(url) // want `\*http.Response acquired here is not released on the path returning at line 44`
	if err != nil {
		return nil, err
	}
	return resp.Header, nil
}

func headerAndClose(url string) (http.Header, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp.Header, nil
}

// fetch returns the body: its callers must close it.
func fetch(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func fetchLeak(url string) ([]byte, error) {
	body, err := fetch(url) // want `io.ReadCloser acquired here is not released on the path returning at line 70`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(body)
}

func fetchClosed(url string) ([]byte, error) {
	body, err := fetch(url)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	return io.ReadAll(body)
}

// Printing a resource borrows it.
func printedLeak(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 90`
	if err != nil {
		return err
	}
	fmt.Println("got", conn)
	log.Printf("conn %v", conn)
	return fmt.Errorf("conn %v", conn)
}

func printedClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	fmt.Println("got", conn)
	return fmt.Errorf("conn %v", conn)
}

func loggedInTestLeak(t *testing.T, ctx context.Context, db *sql.DB) {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 109`
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("conn %v", conn)
}

// Collections of closers.
func closeAll(cs ...io.Closer) {
	for _, c := range cs {
		c.Close()
	}
}

func closeEach[T io.Closer](cs []T) {
	for _, c := range cs {
		c.Close()
	}
}

func closedTogether(ctx context.Context, db *sql.DB) error {
	a, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	b, err := db.Conn(ctx)
	if err != nil {
		a.Close()
		return err
	}
	defer closeAll(a, b)
	return a.PingContext(ctx)
}

func closedGeneric(ctx context.Context, db *sql.DB) error {
	a, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer closeEach([]*sql.Conn{a})
	return a.PingContext(ctx)
}

func notClosedTogether(ctx context.Context, db *sql.DB) error {
	a, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	b, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 158`
	if err != nil {
		a.Close()
		return err
	}
	defer closeAll(a)
	return b.PingContext(ctx)
}
