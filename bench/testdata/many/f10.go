package many

import "database/sql"

func leak10(db *sql.DB) error {
	rows, err := db.Query("select 10")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
