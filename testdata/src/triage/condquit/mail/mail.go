// Package mail stands for net/smtp: a Client owns a conn; Quit releases it
// when the server accepts the QUIT (it returns nil), Close always.
package mail

import (
	"net"
)

type Client struct {
	conn  net.Conn
	hello bool
}

func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func (c *Client) cmd(s string) error {
	if _, err := c.conn.Write([]byte(s)); err != nil {
		return err
	}
	return nil
}

func (c *Client) Mail(from string) error { return c.cmd("MAIL FROM:" + from) }

// Quit sends QUIT and closes the connection when the server accepts it.
func (c *Client) Quit() error {
	if err := c.cmd("QUIT"); err != nil {
		return err
	}
	return c.conn.Close()
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }
