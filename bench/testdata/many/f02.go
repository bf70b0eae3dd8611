package many

import "database/sql"

func leak02(db *sql.DB) error {
	rows, err := db.Query("select 02")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
