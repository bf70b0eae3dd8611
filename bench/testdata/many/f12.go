package many

import "database/sql"

func leak12(db *sql.DB) error {
	rows, err := db.Query("select 12")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
