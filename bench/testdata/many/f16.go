package many

import "database/sql"

func leak16(db *sql.DB) error {
	rows, err := db.Query("select 16")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
