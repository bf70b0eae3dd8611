package many

import "database/sql"

func leak15(db *sql.DB) error {
	rows, err := db.Query("select 15")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
