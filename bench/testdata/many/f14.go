package many

import "database/sql"

func leak14(db *sql.DB) error {
	rows, err := db.Query("select 14")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
