package fixes

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

func conn(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 17 \(call Close, or defer c.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return c.PingContext(ctx)
}

func response(client *http.Client, url string) (int, error) {
	resp, err := client.Get(url) // want `\*http.Response acquired here is not released on the path returning at line 25 \(call Body.Close, or defer resp.Body.Close\(\) after the error check\)`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func tx(ctx context.Context, pool *pgxpool.Pool) error {
	t, err := pool.Begin(ctx) // want `pgx.Tx acquired here is not released on the path returning at line 34 \(call Commit or Rollback, or defer t.Rollback\(ctx\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = t.Exec(ctx, "select 1")
	return err
}

func redisConn(ctx context.Context, rdb *redis.Client) error {
	c := rdb.Conn() // want `\*redis.Conn acquired here is not released on the path returning at line 39 \(call Close, or defer c.Close\(\) right after acquiring it\)`
	return c.Ping(ctx).Err()
}

// Released on one path already: deferring another release could release
// twice, so no fix is offered, only the report.
func partial(ctx context.Context, db *sql.DB, ok bool) error {
	c, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 52`
	if err != nil {
		return err
	}
	if ok {
		return c.Close()
	}
	return nil
}

// No error check right after: where a defer belongs is not obvious.
func noCheck(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 59 \(call Close, or defer c.Close\(\) after the error check\)`
	_ = err
	return c.PingContext(ctx)
}
