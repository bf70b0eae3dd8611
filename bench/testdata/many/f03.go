package many

import "database/sql"

func leak03(db *sql.DB) error {
	rows, err := db.Query("select 03")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
