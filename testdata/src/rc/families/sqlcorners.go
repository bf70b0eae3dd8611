package families

import (
	"context"
	"database/sql"
)

// database/sql corners: a transaction's statements (Tx.Prepare,
// PrepareContext, Stmt, StmtContext) -> Close, or the transaction's end;
// Rows.NextResultSet returning false closes the rows.

func sqlTxStmtBad(tx *sql.Tx, s *sql.Stmt) error {
	ts := tx.Stmt(s) // want `\*sql\.Stmt acquired here is not released on the path returning at line 15 \(call Close, or defer ts\.Close\(\) right after acquiring it\)`
	_, err := ts.Exec(1)
	return err
}

func sqlTxStmtGood(tx *sql.Tx, s *sql.Stmt) error {
	ts := tx.Stmt(s)
	defer ts.Close()
	_, err := ts.Exec(1)
	return err
}

// Committing the transaction closes its statements.
func sqlTxStmtCommitGood(db *sql.DB, s *sql.Stmt) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	ts := tx.Stmt(s)
	if _, err := ts.Exec(1); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func sqlTxStmtContextBad(ctx context.Context, tx *sql.Tx, s *sql.Stmt) error {
	ts := tx.StmtContext(ctx, s) // want `\*sql\.Stmt acquired here is not released on the path returning at line 42`
	_, err := ts.ExecContext(ctx, 1)
	return err
}

func sqlTxStmtContextGood(ctx context.Context, tx *sql.Tx, s *sql.Stmt) error {
	ts := tx.StmtContext(ctx, s)
	defer ts.Close()
	_, err := ts.ExecContext(ctx, 1)
	return err
}

func sqlTxPrepareBad(tx *sql.Tx) error {
	st, err := tx.Prepare("INSERT INTO t VALUES (?)") // want `\*sql\.Stmt acquired here is not released on the path returning at line 58 \(call Close, or defer st\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = st.Exec(1)
	return err
}

func sqlTxPrepareGood(tx *sql.Tx) error {
	st, err := tx.Prepare("INSERT INTO t VALUES (?)")
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = st.Exec(1)
	return err
}

func sqlTxPrepareContextBad(ctx context.Context, tx *sql.Tx) error {
	st, err := tx.PrepareContext(ctx, "INSERT INTO t VALUES (?)") // want `\*sql\.Stmt acquired here is not released on the path returning at line 77`
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, 1)
	return err
}

// The deferred Rollback, placed before the statement was prepared, closes
// it on every path.
func sqlTxPrepareContextGood(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, "INSERT INTO t VALUES (?)")
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(ctx, 1); err != nil {
		return err
	}
	return tx.Commit()
}

// NextResultSet returning false closed the rows. (A Next returning false
// while more result sets follow does not close them; connlint cannot tell
// the two apart and counts any Next returning false as the end: see the
// limits in docs/reservedclose.md.)
func sqlNextResultSetGood(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT 1; SELECT 2")
	if err != nil {
		return 0, err
	}
	for {
		for rows.Next() {
			n++
		}
		if !rows.NextResultSet() {
			return n, rows.Err()
		}
	}
}
