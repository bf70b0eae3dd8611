package many

import "database/sql"

func leak01(db *sql.DB) error {
	rows, err := db.Query("select 01")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
