// Package helper releases resources on behalf of package peers, which sees
// it only through facts.
package helper

import (
	"database/sql"
	"io"
	"log"
	"net/http"
)

// CloseBody drains and closes a response body.
func CloseBody(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// CloseRows closes rows and logs the error.
func CloseRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}

// Status only reads the response.
func Status(resp *http.Response) int { return resp.StatusCode }

// Check only reads the rows' error.
func Check(rows *sql.Rows) error { return rows.Err() }
