package many

import "database/sql"

func leak11(db *sql.DB) error {
	rows, err := db.Query("select 11")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
