package many

import "database/sql"

func leak09(db *sql.DB) error {
	rows, err := db.Query("select 09")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
