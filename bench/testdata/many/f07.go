package many

import "database/sql"

func leak07(db *sql.DB) error {
	rows, err := db.Query("select 07")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
