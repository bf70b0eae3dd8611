package many

import "database/sql"

func leak13(db *sql.DB) error {
	rows, err := db.Query("select 13")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
