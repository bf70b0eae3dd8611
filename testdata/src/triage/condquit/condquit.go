// Package condquit: a method of an inferred owning struct that releases
// the receiver exactly when it returns a nil error (net/smtp's Client.Quit:
// `if err := cmd("QUIT"); err != nil { return err }; return c.Text.Close()`)
// is not taken as a release on its success branch.
//
// Found in the re-sweep of the old corpus (std, go1.26.8) at 317cb69:
// net/smtp/smtp_test.go:348, 383, 424, 465, 507 (`c, bcmdbuf, cmdbuf :=
// fake(server)`, then `if err := c.Quit(); err != nil { t.Fatalf(...) }`),
// each reported as "*smtp.Client acquired here is not released on the path
// returning at line N" where N is the end of the subtest, reached only
// after Quit returned nil and closed the client.
//
// Expected: a callee that releases its receiver (or parameter) exactly
// when it returns nil is a release on the branch where its error is nil,
// for inferred families too; the caller still owns it on the other branch
// (sendLeaky is reported).
package condquit

import "triage/condquit/mail"

func send(addr string) error {
	c, err := mail.Dial(addr)
	if err != nil {
		return err
	}
	if err := c.Mail("a@b"); err != nil {
		c.Close()
		return err
	}
	if err := c.Quit(); err != nil {
		c.Close()
		return err
	}
	return nil
}

func sendLeaky(addr string) error {
	c, err := mail.Dial(addr) // want `\*mail\.Client acquired here is not released on the path returning at line 43`
	if err != nil {
		return err
	}
	if err := c.Quit(); err != nil {
		return err
	}
	return nil
}
