// Stub of github.com/redis/go-redis/v9@v9.23.0 for offline analysistest; signatures copied from the real package.

package redis

import "context"

// Cmder is implemented by every command (exported subset of methods; the real interface also has unexported ones).
type Cmder interface {
	Name() string
	FullName() string
	Args() []interface{}
	String() string
	SetErr(error)
	Err() error
}

type baseCmd struct {
	ctx  context.Context
	args []interface{}
	err  error
}

func (cmd *baseCmd) Name() string {
	if len(cmd.args) == 0 {
		return ""
	}
	s, _ := cmd.args[0].(string)
	return s
}

func (cmd *baseCmd) FullName() string { return cmd.Name() }

func (cmd *baseCmd) Args() []interface{} { return cmd.args }

func (cmd *baseCmd) SetErr(e error) { cmd.err = e }

func (cmd *baseCmd) Err() error { return cmd.err }

type Cmd struct {
	baseCmd

	val interface{}
}

func NewCmd(ctx context.Context, args ...interface{}) *Cmd {
	return &Cmd{baseCmd: baseCmd{ctx: ctx, args: args}}
}

func (cmd *Cmd) Val() interface{} { return cmd.val }

func (cmd *Cmd) Result() (interface{}, error) { return cmd.val, cmd.err }

func (cmd *Cmd) String() string { return cmd.Name() }

type StatusCmd struct {
	baseCmd

	val string
}

func NewStatusCmd(ctx context.Context, args ...interface{}) *StatusCmd {
	return &StatusCmd{baseCmd: baseCmd{ctx: ctx, args: args}}
}

func (cmd *StatusCmd) Val() string { return cmd.val }

func (cmd *StatusCmd) Result() (string, error) { return cmd.val, cmd.err }

func (cmd *StatusCmd) String() string { return cmd.Name() }

type IntCmd struct {
	baseCmd

	val int64
}

func NewIntCmd(ctx context.Context, args ...interface{}) *IntCmd {
	return &IntCmd{baseCmd: baseCmd{ctx: ctx, args: args}}
}

func (cmd *IntCmd) Val() int64 { return cmd.val }

func (cmd *IntCmd) Result() (int64, error) { return cmd.val, cmd.err }

func (cmd *IntCmd) String() string { return cmd.Name() }

type BoolCmd struct {
	baseCmd

	val bool
}

func NewBoolCmd(ctx context.Context, args ...interface{}) *BoolCmd {
	return &BoolCmd{baseCmd: baseCmd{ctx: ctx, args: args}}
}

func (cmd *BoolCmd) Val() bool { return cmd.val }

func (cmd *BoolCmd) Result() (bool, error) { return cmd.val, cmd.err }

func (cmd *BoolCmd) String() string { return cmd.Name() }

type StringCmd struct {
	baseCmd

	val string
}

func NewStringCmd(ctx context.Context, args ...interface{}) *StringCmd {
	return &StringCmd{baseCmd: baseCmd{ctx: ctx, args: args}}
}

func (cmd *StringCmd) Val() string { return cmd.val }

func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }

func (cmd *StringCmd) Bytes() ([]byte, error) { return []byte(cmd.val), cmd.err }

func (cmd *StringCmd) String() string { return cmd.Name() }
