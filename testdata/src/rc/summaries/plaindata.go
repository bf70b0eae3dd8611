package summaries

import "database/sql"

// A callee keeps a resource only where it can: copying a field that cannot
// carry one (a []string, a string) into what it returns hands nothing on,
// and keeping it on a path that then panics keeps nothing for a caller,
// who goes on only where the callee returns.

type namedStmt struct {
	params []string
	query  string
	stmt   *sql.Stmt
}

func (n *namedStmt) Close() error { return n.stmt.Close() }

type stmtInfo struct {
	params []string
	query  string
}

func prepareNamed(db *sql.DB, q string) (*namedStmt, error) {
	st, err := db.Prepare(q)
	if err != nil {
		return nil, err
	}
	return &namedStmt{params: []string{"a"}, query: q, stmt: st}, nil
}

// infoOf copies the statement's plain data: it keeps nothing.
func infoOf(n *namedStmt) *stmtInfo { return &stmtInfo{params: n.params, query: n.query} }

var kept []*namedStmt

// checked keeps n only on the path that panics.
func checked(n *namedStmt) *namedStmt {
	if n.query == "" {
		kept = append(kept, n)
		panic("empty query")
	}
	return n
}

func plainDataBad(db *sql.DB) (*stmtInfo, error) {
	n, err := prepareNamed(db, "SELECT 1") // want `\*summaries\.namedStmt acquired here is not released on the path returning at line 50`
	if err != nil {
		return nil, err
	}
	return infoOf(n), nil
}

func plainDataClosed(db *sql.DB) (*stmtInfo, error) {
	n, err := prepareNamed(db, "SELECT 1")
	if err != nil {
		return nil, err
	}
	defer n.Close()
	return infoOf(n), nil
}

func keptOnPanicBad(db *sql.DB) error {
	n, err := prepareNamed(db, "SELECT 1") // want `\*summaries\.namedStmt acquired here is not released on the path returning at line 68`
	if err != nil {
		return err
	}
	checked(n)
	return nil
}

func keptOnPanicClosed(db *sql.DB) error {
	n, err := prepareNamed(db, "SELECT 1")
	if err != nil {
		return err
	}
	defer n.Close()
	checked(n)
	return nil
}
