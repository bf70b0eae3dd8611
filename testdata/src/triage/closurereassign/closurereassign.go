// Package closurereassign: a variable reassigned inside a callback that
// runs before the use holds a new resource, not the released one.
//
// Found in std database/sql/sql_test.go:2763 and :2779:
//
//	stmt, err := db.Prepare(q1)
//	...
//	stmt.Close()
//	db = setup(func(db *DB) { stmt, err = db.Prepare(q2) })
//	_, err = stmt.Exec()   // reported: "Exec called after its release"
//
// setup calls the callback synchronously, so stmt is a fresh statement at
// the Exec.
//
// Expected: silent. A call that passes a closure writing the variable (a
// captured cell) should end the tracked value's association with the
// variable (or, if the callee is known to call it, make the variable hold
// whatever the closure stored).
package closurereassign

import "database/sql"

func setup(db *sql.DB, f func(*sql.DB)) *sql.DB {
	f(db)
	return db
}

func prepareTwice(db *sql.DB) error {
	stmt, err := db.Prepare("select 1")
	if err != nil {
		return err
	}
	stmt.Close()
	db = setup(db, func(db *sql.DB) {
		stmt, err = db.Prepare("select 2")
	})
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.Exec() // reported before 5d70161: "*sql.Stmt Exec called after its release"
	return err
}
