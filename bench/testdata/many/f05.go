package many

import "database/sql"

func leak05(db *sql.DB) error {
	rows, err := db.Query("select 05")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
