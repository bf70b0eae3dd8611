package sqlx

import "database/sql"

type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

func (n *NamedStmt) Close() error {
	return n.Stmt.Close()
}

func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error) {
	args, err := bindAnyArgs(n.Params, arg, n.Stmt.Mapper)
	if err != nil {
		return nil, err
	}
	return n.Stmt.Query(args...)
}

func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error) {
	r, err := n.Query(arg)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, Mapper: n.Stmt.Mapper, unsafe: isUnsafe(n)}, err
}

func prepareNamed(p namedPreparer, query string) (*NamedStmt, error) {
	q, args, err := compileNamedQuery([]byte(query), 0)
	if err != nil {
		return nil, err
	}
	stmt, err := Preparex(p, q)
	if err != nil {
		return nil, err
	}
	return &NamedStmt{
		QueryString: q,
		Params:      args,
		Stmt:        stmt,
	}, nil
}

func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) {
	q, args, err := e.BindNamed(query, arg)
	if err != nil {
		return nil, err
	}
	return e.Queryx(q, args...)
}

func compileNamedQuery(qs []byte, bindType int) (query string, names []string, err error) {
	return string(qs), nil, nil
}

func bindAnyArgs(names []string, arg interface{}, m interface{}) ([]interface{}, error) {
	return nil, nil
}
