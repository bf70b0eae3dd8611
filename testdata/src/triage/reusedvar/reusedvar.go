// Package reusedvar: a variable that a closure captures (so it lives in a
// cell) is released, then assigned a fresh acquisition; calls on the new
// resource are not uses after the old one's release.
//
// Found in github.com/nats-io/nats.go v1.55.0, test/js_test.go:548-684
// (TestJetStreamSubscribe): `sub.Unsubscribe()`, later
// `sub, err = js.SubscribeSync(...)`, then `sub.ConsumerInfo()` is reported
// "called after its release at line 548"; `sub` is captured by closures of
// the test. 103 reports of the nats.go sweep are this class (docs/triage.md).
//
// Expected: silent on the reassigned variable, as it is when no closure
// captures it; a use of the released resource before the reassignment is
// still reported.
package reusedvar

import (
	"context"
	"database/sql"
)

func check(f func() error) { _ = f() }

func reassignedCaptured(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	c.Close()
	c, err = db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	check(func() error { return c.PingContext(ctx) })
	return c.PingContext(ctx)
}

func reassignedNotCaptured(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	c.Close()
	c, err = db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.PingContext(ctx)
}

func usedBeforeReassignment(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	c.Close()
	c.PingContext(ctx) // want `\*sql\.Conn PingContext called after its release at line 57`
	c, err = db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	check(func() error { return c.PingContext(ctx) })
	return nil
}
