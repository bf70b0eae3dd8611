package many

import "database/sql"

func leak06(db *sql.DB) error {
	rows, err := db.Query("select 06")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
