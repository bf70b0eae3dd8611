package families

import (
	"context"
	"database/sql"
)

// database/sql DB.Prepare -> Stmt.Close.
func sqlDBPrepareBad(db *sql.DB) error {
	stmt, err := db.Prepare("DELETE FROM t WHERE id = ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 15 \(call Close, or defer stmt\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = stmt.Exec(1)
	return err
}

func sqlDBPrepareGood(db *sql.DB) error {
	stmt, err := db.Prepare("DELETE FROM t WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.Exec(1)
	return err
}

// database/sql DB.PrepareContext -> Stmt.Close.
func sqlDBPrepareContextBad(ctx context.Context, db *sql.DB) error {
	stmt, err := db.PrepareContext(ctx, "DELETE FROM t WHERE id = ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 35`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

func sqlDBPrepareContextGood(ctx context.Context, db *sql.DB) error {
	stmt, err := db.PrepareContext(ctx, "DELETE FROM t WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

// database/sql Conn.PrepareContext -> Stmt.Close.
func sqlConnPrepareContextBad(ctx context.Context, conn *sql.Conn) error {
	stmt, err := conn.PrepareContext(ctx, "DELETE FROM t WHERE id = ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 55`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

func sqlConnPrepareContextGood(ctx context.Context, conn *sql.Conn) error {
	stmt, err := conn.PrepareContext(ctx, "DELETE FROM t WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, 1)
	return err
}
