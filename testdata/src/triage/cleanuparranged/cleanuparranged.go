// Package cleanuparranged: a constructor stores what it acquired in a struct
// and registers its release with t.Cleanup.
//
// Found in the re-sweep of the old corpus on main at 6853773: go-redis
// v9.23.0, autopipeline_fd_pipeline_replay_test.go:41 and
// himport_mock_test.go:57 (both new since 3bc9cd7):
//
//	ln, err := net.Listen("tcp", "127.0.0.1:0")
//	...
//	s := &fdDropScript{ln: ln, step: step}
//	t.Cleanup(func() { _ = ln.Close() })
//
// reported as "fdDropScript.ln holds a net.Listener acquired here, but
// nothing in this package releases it": the owning-field rule looked for a
// release through the field only.
//
// Expected: a field is not owning when the function that acquired the
// resource arranged its release itself (a closure that releases it handed
// to t.Cleanup, on the paths that reach it or anywhere in the function
// when the path stopped earlier at a goroutine that takes the struct): the
// struct only borrows it. The twin without the cleanup stays reported.
package cleanuparranged

import (
	"net"
	"testing"
)

type mockServer struct {
	ln net.Listener
}

func newMockServer(t *testing.T) *mockServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	s := &mockServer{ln: ln}
	t.Cleanup(func() { _ = ln.Close() })
	return s
}

func (s *mockServer) addr() string { return s.ln.Addr().String() }

// acceptingServer serves from a goroutine that takes the server, before
// the cleanup is registered (go-redis himport_mock_test.go:57).
type acceptingServer struct {
	ln    net.Listener
	conns []net.Conn
}

func newAcceptingServer(t *testing.T) *acceptingServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := &acceptingServer{ln: ln}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go srv.serve(conn)
		}
	}()
	t.Cleanup(func() { _ = ln.Close() })
	return srv
}

func (s *acceptingServer) serve(c net.Conn) { s.conns = append(s.conns, c) }

type leakyServer struct {
	ln net.Listener
}

func newLeakyServer(t *testing.T) *leakyServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	return &leakyServer{ln: ln} // want `leakyServer\.ln holds a net\.Listener acquired here, but nothing in this package releases it`
}

func (s *leakyServer) addr() string { return s.ln.Addr().String() }
