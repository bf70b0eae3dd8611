package families

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// go-redis Client.Conn -> Conn.Close (Close is promoted from an embedded
// baseClient, and Conn has no error result).
func redisConnBad(ctx context.Context, c *redis.Client) error {
	cn := c.Conn() // want `\*redis\.Conn acquired here is not released on the path returning at line 13 \(call Close, or defer cn\.Close\(\) right after acquiring it\)`
	return cn.Ping(ctx).Err()
}

func redisConnGood(ctx context.Context, c *redis.Client) error {
	cn := c.Conn()
	defer cn.Close()
	return cn.Ping(ctx).Err()
}

// A direct (not deferred) Close on every path.
func redisConnDirectBad(ctx context.Context, c *redis.Client) error {
	cn := c.Conn() // want `\*redis\.Conn acquired here is not released on the path returning at line 26`
	if err := cn.Select(ctx, 1).Err(); err != nil {
		return err
	}
	return cn.Close()
}

func redisConnDirectGood(ctx context.Context, c *redis.Client) error {
	cn := c.Conn()
	if err := cn.Select(ctx, 1).Err(); err != nil {
		cn.Close()
		return err
	}
	return cn.Close()
}
