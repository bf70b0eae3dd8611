package families

import (
	"context"

	redis8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

// go-redis Client.Conn -> Conn.Close (Close is promoted from an embedded
// baseClient, and Conn has no error result).
func redisConnBad(ctx context.Context, c *redis.Client) error {
	cn := c.Conn() // want `\*redis\.Conn acquired here is not released on the path returning at line 14 \(call Close, or defer cn\.Close\(\) right after acquiring it\)`
	return cn.Ping(ctx).Err()
}

func redisConnGood(ctx context.Context, c *redis.Client) error {
	cn := c.Conn()
	defer cn.Close()
	return cn.Ping(ctx).Err()
}

// A direct (not deferred) Close on every path.
func redisConnDirectBad(ctx context.Context, c *redis.Client) error {
	cn := c.Conn() // want `\*redis\.Conn acquired here is not released on the path returning at line 27`
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

// go-redis v8 (github.com/go-redis/redis/v8): Client.Conn takes a context.
func redis8ConnBad(ctx context.Context, c *redis8.Client) error {
	cn := c.Conn(ctx) // want `\*redis\.Conn acquired here is not released on the path returning at line 45 \(call Close, or defer cn\.Close\(\) right after acquiring it\)`
	if err := cn.Select(ctx, 1).Err(); err != nil {
		return err
	}
	return cn.Close()
}

func redis8ConnGood(ctx context.Context, c *redis8.Client) error {
	cn := c.Conn(ctx)
	defer cn.Close()
	if err := cn.Select(ctx, 1).Err(); err != nil {
		return err
	}
	return cn.Ping(ctx).Err()
}
