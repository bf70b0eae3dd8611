package families

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// MongoDB driver v1: a Client from Connect (Disconnect(ctx)), cursors from
// Find, Aggregate and friends (Close(ctx); Cursor.All closes), change
// streams from Watch (Close(ctx)), sessions from StartSession
// (EndSession(ctx)).

func mongo1ConnectBad(ctx context.Context, uri string) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(uri)) // want `\*mongo\.Client acquired here is not released on the path returning at line 20 \(call Disconnect, or defer c\.Disconnect\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	return c.Ping(ctx, nil)
}

func mongo1ConnectGood(ctx context.Context, uri string) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer c.Disconnect(ctx)
	return c.Ping(ctx, nil)
}

// Disconnect twice is harmless (the second returns ErrClientDisconnected).
func mongo1DisconnectTwiceGood(ctx context.Context, uri string) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer c.Disconnect(ctx)
	if err := c.Ping(ctx, nil); err != nil {
		return err
	}
	return c.Disconnect(ctx)
}

func mongo1FindBad(ctx context.Context, coll *mongo.Collection) (int, error) {
	cur, err := coll.Find(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 54 \(call Close or All, or defer cur\.Close\(ctx\) after the error check\)`
	if err != nil {
		return 0, err
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err()
}

func mongo1FindGood(ctx context.Context, coll *mongo.Collection) (int, error) {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer cur.Close(ctx)
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err()
}

// Cursor.All closes the cursor.
func mongo1FindAllGood(ctx context.Context, coll *mongo.Collection, out *[]map[string]any) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	return cur.All(ctx, out)
}

func mongo1FindAllBad(ctx context.Context, coll *mongo.Collection, out *[]map[string]any) error {
	cur, err := coll.Find(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 85`
	if err != nil {
		return err
	}
	if len(*out) > 0 {
		return nil
	}
	return cur.All(ctx, out)
}

// Err after Close is legal; Decode is not.
func mongo1ErrAfterCloseGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	for cur.Next(ctx) {
	}
	cur.Close(ctx)
	return cur.Err()
}

func mongo1DecodeAfterCloseBad(ctx context.Context, coll *mongo.Collection, v any) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	cur.Next(ctx)
	cur.Close(ctx)
	return cur.Decode(v) // want `\*mongo\.Cursor Decode called after its release at line 108`
}

func mongo1CollAggregateBad(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Aggregate(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 118`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongo1CollAggregateGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Aggregate(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongo1DBAggregateBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.Aggregate(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 137`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongo1DBAggregateGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.Aggregate(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongo1ListCollectionsBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.ListCollections(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 156`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongo1ListCollectionsGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.ListCollections(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongo1RunCommandCursorBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.RunCommandCursor(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 175`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongo1RunCommandCursorGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.RunCommandCursor(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongo1IndexListBad(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Indexes().List(ctx) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 194`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongo1IndexListGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Indexes().List(ctx)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongo1CollWatchBad(ctx context.Context, coll *mongo.Collection) error {
	cs, err := coll.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 213 \(call Close, or defer cs\.Close\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongo1CollWatchGood(ctx context.Context, coll *mongo.Collection) error {
	cs, err := coll.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongo1DBWatchBad(ctx context.Context, db *mongo.Database) error {
	cs, err := db.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 232`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongo1DBWatchGood(ctx context.Context, db *mongo.Database) error {
	cs, err := db.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongo1ClientWatchBad(ctx context.Context, c *mongo.Client) error {
	cs, err := c.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 251`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongo1ClientWatchGood(ctx context.Context, c *mongo.Client) error {
	cs, err := c.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongo1StartSessionBad(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession() // want `mongo\.Session acquired here is not released on the path returning at line 269 \(call EndSession\)`
	if err != nil {
		return nil, err
	}
	return s.ID(), nil
}

func mongo1StartSessionGood(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession()
	if err != nil {
		return nil, err
	}
	defer s.EndSession(ctx)
	return s.ID(), nil
}

// The client of a session (an interface in v1) is not the caller's: an
// interface method without parameters or error result is an accessor, not
// an acquisition.
func mongo1SessionClientGood(ctx context.Context, s mongo.Session) error {
	return s.Client().Ping(ctx, nil)
}

// ID is the client's copy of the session's ID: legal after EndSession
// (mongo-driver's sessions_test.go compares the IDs of ended sessions with
// those of new ones, which the pool reuses).
func mongoV1SessionIDAfterEndGood(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession()
	if err != nil {
		return nil, err
	}
	s.EndSession(ctx)
	return s.ID(), nil
}

func mongoV1SessionCommitAfterEndBad(ctx context.Context, c *mongo.Client) error {
	s, err := c.StartSession()
	if err != nil {
		return err
	}
	s.EndSession(ctx)
	return s.CommitTransaction(ctx) // want `mongo\.Session CommitTransaction called after its release at line 305`
}
