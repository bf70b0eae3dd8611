// Package scram: the same class in pgx v5.12.0,
// pgconn/auth_scram_test.go:445 (`sc := setup(t)`, setup a closure
// returning a *scramClient, called from inside a t.Run callback, so
// through a func value): reported as "*pgconn.scramClient acquired here is
// not released on the path returning at line 461 (call clientFinalMessage
// ...)". scramClient holds byte slices only; clientFinalMessage passes them
// to bytes.Join, which copies them. (It shows in the test variant of the
// package, as in pgx.)
//
// Expected: no report in scram_test.go.
package scram

import "bytes"

type scramClient struct {
	first, second []byte
	authMessage   []byte
}

func (sc *scramClient) clientFinalMessage() string {
	sc.authMessage = bytes.Join([][]byte{sc.first, sc.second}, []byte(","))
	return string(sc.authMessage)
}

func (sc *scramClient) recv(msg []byte) bool { return len(msg) > len(sc.first) }
