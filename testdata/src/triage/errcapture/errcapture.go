// Package errcapture: the error result of an acquisition is assigned to a
// variable that a closure captures (so it lives in a heap cell); the check
// `if acceptErr != nil { return }` reloads it, and the engine no longer
// sees that the acquisition failed on that branch.
//
// Found in the re-sweep of the old corpus at 317cb69: golang.org/x/tools
// v0.52.0, internal/jsonrpc2/serve.go:76 (non-test code, the only x/tools
// report), in Serve's accept goroutine:
//
//	var nc net.Conn
//	nc, acceptErr = ln.Accept()
//	if acceptErr != nil {
//		return
//	}
//	newConns <- nc
//
// reported as "net.Conn acquired here is not released on the path returning
// at line 78". acceptErr is declared outside the goroutine and read after
// it. (The acquisition is new at 317cb69: ln is a net.Listener, and its
// Accept is an interface method returning a resource type.)
//
// Expected: a nil check of the acquisition's error proves it failed even
// when the error variable is captured (stored and reloaded in the same
// block, nothing else storing to it in between): no report. The twin
// that checks another error is still reported.
package errcapture

import "net"

func serve(ln net.Listener) error {
	newConns := make(chan net.Conn)
	var acceptErr error
	go func() {
		defer close(newConns)
		for {
			var nc net.Conn
			nc, acceptErr = ln.Accept()
			if acceptErr != nil {
				return
			}
			newConns <- nc
		}
	}()
	for nc := range newConns {
		nc.Close()
	}
	return acceptErr
}

func serveLeaky(ln net.Listener, stop func() error) error {
	newConns := make(chan net.Conn)
	var acceptErr error
	go func() {
		defer close(newConns)
		for {
			var nc net.Conn
			nc, acceptErr = ln.Accept() // want `net\.Conn acquired here is not released on the path returning at line 59`
			if err := stop(); err != nil {
				return
			}
			newConns <- nc
		}
	}()
	for nc := range newConns {
		nc.Close()
	}
	return acceptErr
}
