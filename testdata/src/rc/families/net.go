package families

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// net: listeners from Listen, ListenConfig.Listen, ListenTCP, ListenUnix;
// packet conns from ListenPacket, ListenConfig.ListenPacket, ListenUDP,
// DialUDP; the net.Conn a Listener accepts -> Close.

func netListenBad(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr) // want `net\.Listener acquired here is not released on the path returning at line 20 \(call Close, or defer ln\.Close\(\) after the error check\)`
	if err != nil {
		return "", err
	}
	return ln.Addr().String(), nil
}

func netListenGood(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// http.Serve keeps the listener (and closes it when it returns).
func netListenServeGood(addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

func netListenConfigBad(ctx context.Context, lc *net.ListenConfig, addr string) (string, error) {
	ln, err := lc.Listen(ctx, "tcp", addr) // want `net\.Listener acquired here is not released on the path returning at line 46`
	if err != nil {
		return "", err
	}
	return ln.Addr().String(), nil
}

func netListenConfigGood(ctx context.Context, lc *net.ListenConfig, addr string) (string, error) {
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	ln.Close()
	return ln.Addr().String(), nil // Addr after Close is legal
}

func netListenTCPBad(a *net.TCPAddr) (net.Addr, error) {
	ln, err := net.ListenTCP("tcp", a) // want `\*net\.TCPListener acquired here is not released on the path returning at line 63`
	if err != nil {
		return nil, err
	}
	return ln.Addr(), nil
}

func netListenTCPGood(a *net.TCPAddr) (net.Addr, error) {
	ln, err := net.ListenTCP("tcp", a)
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	return ln.Addr(), nil
}

func netListenUnixBad(a *net.UnixAddr) (net.Addr, error) {
	ln, err := net.ListenUnix("unix", a) // want `\*net\.UnixListener acquired here is not released on the path returning at line 80`
	if err != nil {
		return nil, err
	}
	return ln.Addr(), nil
}

func netListenUnixGood(a *net.UnixAddr) (net.Addr, error) {
	ln, err := net.ListenUnix("unix", a)
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	return ln.Addr(), nil
}

func netListenPacketBad(addr string, b []byte) (int, error) {
	pc, err := net.ListenPacket("udp", addr) // want `net\.PacketConn acquired here is not released on the path returning at line 98 \(call Close, or defer pc\.Close\(\) after the error check\)`
	if err != nil {
		return 0, err
	}
	n, _, err := pc.ReadFrom(b)
	return n, err
}

func netListenPacketGood(addr string, b []byte) (int, error) {
	pc, err := net.ListenPacket("udp", addr)
	if err != nil {
		return 0, err
	}
	defer pc.Close()
	n, _, err := pc.ReadFrom(b)
	return n, err
}

func netListenConfigPacketBad(ctx context.Context, lc *net.ListenConfig, addr string, b []byte) (int, error) {
	pc, err := lc.ListenPacket(ctx, "udp", addr) // want `net\.PacketConn acquired here is not released on the path returning at line 117`
	if err != nil {
		return 0, err
	}
	n, _, err := pc.ReadFrom(b)
	return n, err
}

func netListenConfigPacketGood(ctx context.Context, lc *net.ListenConfig, addr string, b []byte) (int, error) {
	pc, err := lc.ListenPacket(ctx, "udp", addr)
	if err != nil {
		return 0, err
	}
	defer pc.Close()
	n, _, err := pc.ReadFrom(b)
	return n, err
}

func netListenUDPBad(a *net.UDPAddr, b []byte) (int, error) {
	c, err := net.ListenUDP("udp", a) // want `\*net\.UDPConn acquired here is not released on the path returning at line 135`
	if err != nil {
		return 0, err
	}
	return c.Read(b)
}

func netListenUDPGood(a *net.UDPAddr, b []byte) (int, error) {
	c, err := net.ListenUDP("udp", a)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	return c.Read(b)
}

func netDialUDPBad(a *net.UDPAddr, b []byte) (int, error) {
	c, err := net.DialUDP("udp", nil, a) // want `\*net\.UDPConn acquired here is not released on the path returning at line 152`
	if err != nil {
		return 0, err
	}
	return c.Write(b)
}

func netDialUDPGood(a *net.UDPAddr, b []byte) (int, error) {
	c, err := net.DialUDP("udp", nil, a)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	return c.Write(b)
}

func netAcceptBad(ln net.Listener) error {
	c, err := ln.Accept() // want `net\.Conn acquired here is not released on the path returning at line 170 \(call Close, or defer c\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("hello"))
	return err
}

func netAcceptGood(ln net.Listener) error {
	c, err := ln.Accept()
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("hello"))
	return err
}

// The accept loop: each connection goes to its own goroutine.
func netAcceptLoopGood(ln net.Listener, serve func(net.Conn)) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go serve(c)
	}
}

// net/http/httptest: *httptest.Server from NewServer, NewTLSServer,
// NewUnstartedServer -> Close (directly, deferred, or by t.Cleanup).

func httptestNewServerBad(t *testing.T, h http.Handler) {
	srv := httptest.NewServer(h) // want `\*httptest\.Server acquired here is not released on the path returning at line 202 \(call Close, or defer srv\.Close\(\) right after acquiring it\)`
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Error(err)
		return
	}
	resp.Body.Close()
	srv.Close()
}

func httptestNewServerGood(t *testing.T, h http.Handler) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Error(err)
		return
	}
	resp.Body.Close()
}

func httptestNewTLSServerBad(t *testing.T, h http.Handler) string {
	srv := httptest.NewTLSServer(h) // want `\*httptest\.Server acquired here is not released on the path returning at line 221`
	return srv.URL
}

func httptestNewTLSServerGood(t *testing.T, h http.Handler) string {
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func httptestNewUnstartedServerBad(h http.Handler, tls bool) {
	srv := httptest.NewUnstartedServer(h) // want `\*httptest\.Server acquired here is not released on the path returning at line 234`
	if tls {
		srv.StartTLS()
		return
	}
	srv.Start()
	srv.Close()
}

func httptestNewUnstartedServerGood(h http.Handler, tls bool) {
	srv := httptest.NewUnstartedServer(h)
	defer srv.Close()
	if tls {
		srv.StartTLS()
		return
	}
	srv.Start()
}
