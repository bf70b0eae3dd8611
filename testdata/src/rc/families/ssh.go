package families

import (
	"net"

	"golang.org/x/crypto/ssh"
)

// x/crypto/ssh: *ssh.Client from Dial and NewClient -> Close; *ssh.Session
// from Client.NewSession, and the net.Conn and net.Listener a client
// tunnels -> Close, or closing their client.

func sshDialBad(addr string, cfg *ssh.ClientConfig) ([]byte, error) {
	c, err := ssh.Dial("tcp", addr, cfg) // want `\*ssh\.Client acquired here is not released on the path returning at line 20 \(call Close, or defer c\.Close\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.CombinedOutput("true")
}

// Closing the client closes its sessions.
func sshDialGood(addr string, cfg *ssh.ClientConfig) ([]byte, error) {
	c, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	return s.CombinedOutput("true")
}

func sshNewClientBad(conn ssh.Conn, chans <-chan ssh.NewChannel, reqs <-chan *ssh.Request) error {
	c := ssh.NewClient(conn, chans, reqs) // want `\*ssh\.Client acquired here is not released on the path returning at line 44 \(call Close, or defer c\.Close\(\) right after acquiring it\)`
	s, err := c.NewSession()
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Run("true")
}

func sshNewClientGood(conn ssh.Conn, chans <-chan ssh.NewChannel, reqs <-chan *ssh.Request) error {
	c := ssh.NewClient(conn, chans, reqs)
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Run("true")
}

func sshSessionBad(c *ssh.Client) ([]byte, error) {
	s, err := c.NewSession() // want `\*ssh\.Session acquired here is not released on the path returning at line 67 \(call Close, or defer s\.Close\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	if err := s.Setenv("LANG", "C"); err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Output("true")
}

func sshSessionGood(c *ssh.Client) ([]byte, error) {
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.Setenv("LANG", "C"); err != nil {
		return nil, err
	}
	return s.Output("true")
}

func sshTunnelBad(c *ssh.Client, addr string, b []byte) error {
	conn, err := c.Dial("tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 91`
	if err != nil {
		return err
	}
	_, err = conn.Write(b)
	return err
}

func sshTunnelGood(c *ssh.Client, addr string, b []byte) error {
	conn, err := c.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(b)
	return err
}

func sshListenBad(c *ssh.Client, addr string) (net.Addr, error) {
	ln, err := c.Listen("tcp", addr) // want `net\.Listener acquired here is not released on the path returning at line 109`
	if err != nil {
		return nil, err
	}
	return ln.Addr(), nil
}

func sshListenGood(c *ssh.Client, addr string) (net.Addr, error) {
	ln, err := c.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	return ln.Addr(), nil
}
