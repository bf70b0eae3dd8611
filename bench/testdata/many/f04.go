package many

import "database/sql"

func leak04(db *sql.DB) error {
	rows, err := db.Query("select 04")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
