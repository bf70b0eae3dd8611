// Stub of github.com/redis/go-redis/v9@v9.23.0 for offline analysistest; signatures copied from the real package.

package proto

// Nil reply returned by Redis when key does not exist.
const Nil = RedisError("redis: nil") // nolint:errname

type RedisError string

func (e RedisError) Error() string { return string(e) }
