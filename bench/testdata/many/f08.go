package many

import "database/sql"

func leak08(db *sql.DB) error {
	rows, err := db.Query("select 08")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return rows.Err()
}
