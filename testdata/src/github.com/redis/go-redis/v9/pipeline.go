// Stub of github.com/redis/go-redis/v9@v9.23.0 for offline analysistest; signatures copied from the real package.

package redis

import "context"

// Pipeliner is a mechanism to realise Redis Pipeline technique (subset of methods).
type Pipeliner interface {
	StatefulCmdable

	// Len obtains the number of commands in the pipeline that have not yet been executed.
	Len() int

	// Do is an API for executing any command.
	Do(ctx context.Context, args ...interface{}) *Cmd

	// Process queues the cmd for later execution.
	Process(ctx context.Context, cmd Cmder) error

	// Discard discards all commands in the pipeline buffer that have not yet been executed.
	Discard()

	// Exec sends all the commands buffered in the pipeline to the redis server.
	Exec(ctx context.Context) ([]Cmder, error)
}
