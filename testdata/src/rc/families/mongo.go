package families

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// MongoDB driver v2: a Client from Connect (Disconnect(ctx)), cursors from
// Find, Aggregate and friends (Close(ctx); Cursor.All closes), change
// streams from Watch (Close(ctx)), sessions from StartSession
// (EndSession(ctx)).
// Connect and StartSession take no context: no fix is offered for them.

func mongoConnectBad(ctx context.Context, uri string) error {
	c, err := mongo.Connect(options.Client().ApplyURI(uri)) // want `\*mongo\.Client acquired here is not released on the path returning at line 21 \(call Disconnect\)`
	if err != nil {
		return err
	}
	return c.Ping(ctx, nil)
}

func mongoConnectGood(ctx context.Context, uri string) error {
	c, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer c.Disconnect(ctx)
	return c.Ping(ctx, nil)
}

// Disconnect twice is harmless (the second returns ErrClientDisconnected).
func mongoDisconnectTwiceGood(ctx context.Context, uri string) error {
	c, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer c.Disconnect(ctx)
	if err := c.Ping(ctx, nil); err != nil {
		return err
	}
	return c.Disconnect(ctx)
}

func mongoFindBad(ctx context.Context, coll *mongo.Collection) (int, error) {
	cur, err := coll.Find(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 55 \(call Close or All, or defer cur\.Close\(ctx\) after the error check\)`
	if err != nil {
		return 0, err
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err()
}

func mongoFindGood(ctx context.Context, coll *mongo.Collection) (int, error) {
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
func mongoFindAllGood(ctx context.Context, coll *mongo.Collection, out *[]map[string]any) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	return cur.All(ctx, out)
}

func mongoFindAllBad(ctx context.Context, coll *mongo.Collection, out *[]map[string]any) error {
	cur, err := coll.Find(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 86`
	if err != nil {
		return err
	}
	if len(*out) > 0 {
		return nil
	}
	return cur.All(ctx, out)
}

// Err after Close is legal; Decode is not.
func mongoErrAfterCloseGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	for cur.Next(ctx) {
	}
	cur.Close(ctx)
	return cur.Err()
}

func mongoDecodeAfterCloseBad(ctx context.Context, coll *mongo.Collection, v any) error {
	cur, err := coll.Find(ctx, nil)
	if err != nil {
		return err
	}
	cur.Next(ctx)
	cur.Close(ctx)
	return cur.Decode(v) // want `\*mongo\.Cursor Decode called after its release at line 109`
}

func mongoCollAggregateBad(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Aggregate(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 119`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongoCollAggregateGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Aggregate(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongoDBAggregateBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.Aggregate(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 138`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongoDBAggregateGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.Aggregate(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongoListCollectionsBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.ListCollections(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 157`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongoListCollectionsGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.ListCollections(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongoRunCommandCursorBad(ctx context.Context, db *mongo.Database) error {
	cur, err := db.RunCommandCursor(ctx, nil) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 176`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongoRunCommandCursorGood(ctx context.Context, db *mongo.Database) error {
	cur, err := db.RunCommandCursor(ctx, nil)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongoIndexListBad(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Indexes().List(ctx) // want `\*mongo\.Cursor acquired here is not released on the path returning at line 195`
	if err != nil {
		return err
	}
	cur.Next(ctx)
	return cur.Err()
}

func mongoIndexListGood(ctx context.Context, coll *mongo.Collection) error {
	cur, err := coll.Indexes().List(ctx)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	cur.Next(ctx)
	return cur.Err()
}

func mongoCollWatchBad(ctx context.Context, coll *mongo.Collection) error {
	cs, err := coll.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 214 \(call Close, or defer cs\.Close\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongoCollWatchGood(ctx context.Context, coll *mongo.Collection) error {
	cs, err := coll.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongoDBWatchBad(ctx context.Context, db *mongo.Database) error {
	cs, err := db.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 233`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongoDBWatchGood(ctx context.Context, db *mongo.Database) error {
	cs, err := db.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongoClientWatchBad(ctx context.Context, c *mongo.Client) error {
	cs, err := c.Watch(ctx, nil) // want `\*mongo\.ChangeStream acquired here is not released on the path returning at line 252`
	if err != nil {
		return err
	}
	cs.Next(ctx)
	return cs.Err()
}

func mongoClientWatchGood(ctx context.Context, c *mongo.Client) error {
	cs, err := c.Watch(ctx, nil)
	if err != nil {
		return err
	}
	defer cs.Close(ctx)
	cs.Next(ctx)
	return cs.Err()
}

func mongoStartSessionBad(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession() // want `\*mongo\.Session acquired here is not released on the path returning at line 270 \(call EndSession\)`
	if err != nil {
		return nil, err
	}
	return s.ID(), nil
}

func mongoStartSessionGood(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession()
	if err != nil {
		return nil, err
	}
	defer s.EndSession(ctx)
	return s.ID(), nil
}

// ID is the client's copy of the session's ID: legal after EndSession
// (mongo-driver's sessions_test.go compares the IDs of ended sessions with
// those of new ones, which the pool reuses).
func mongoSessionIDAfterEndGood(ctx context.Context, c *mongo.Client) ([]byte, error) {
	s, err := c.StartSession()
	if err != nil {
		return nil, err
	}
	s.EndSession(ctx)
	return s.ID(), nil
}

func mongoSessionCommitAfterEndBad(ctx context.Context, c *mongo.Client) error {
	s, err := c.StartSession()
	if err != nil {
		return err
	}
	s.EndSession(ctx)
	return s.CommitTransaction(ctx) // want `\*mongo\.Session CommitTransaction called after its release at line 299`
}
