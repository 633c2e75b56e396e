package store

import (
	"context"
	"slices"

	"giamngheo"

	"giamngheo/admin"
)

// ReplaceUnits replaces the unit versions and mapping rows of the provinces present in
// units, in one transaction.
func (db *DB) ReplaceUnits(ctx context.Context, units []admin.Unit, mappings []admin.Mapping) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		tx := txFrom(ctx)
		prov := admin.ProvinceIndex(units)
		seen := map[string]bool{}
		for _, p := range prov {
			if p != "" && !seen[p] {
				seen[p] = true
				if _, err := tx.ExecContext(ctx, `DELETE FROM units WHERE province_code = $1`, p); err != nil {
					return err
				}
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO units (code, valid_from, valid_to, name, type, level, parent_code, province_code) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, u := range units {
			if _, err := ins.ExecContext(ctx, u.Code, u.ValidFrom, u.ValidTo, u.Name, u.Type, string(u.Level), u.ParentCode, prov[i]); err != nil {
				return db.formatError(err)
			}
		}
		upsert, err := tx.PrepareContext(ctx, `INSERT INTO unit_mappings (old_code, new_code, old_name, new_name, kind) VALUES ($1,$2,$3,$4,$5)
			ON CONFLICT (old_code, new_code) DO UPDATE SET old_name = excluded.old_name, new_name = excluded.new_name, kind = excluded.kind`)
		if err != nil {
			return err
		}
		defer upsert.Close()
		for _, m := range mappings {
			if _, err := upsert.ExecContext(ctx, m.OldCode, m.NewCode, m.OldName, m.NewName, m.Kind); err != nil {
				return db.formatError(err)
			}
		}
		// The scopes remembered by registry.CommunesUnder are stale from now on.
		_, err = tx.ExecContext(ctx, `UPDATE units_stamp SET n = n + 1`)
		return err
	})
}

// UnitsStamp is a number that changes with every change of the units and mappings
// (registry.UnitsStamper).
func (db *DB) UnitsStamp(ctx context.Context) (int64, error) {
	if txFrom(ctx) != nil {
		return db.unitsStamp(ctx)
	}
	// Once per page (giamngheo.WithStamps).
	return giamngheo.OnceStamp(ctx, "units:"+db.source, func() (int64, error) { return db.unitsStamp(ctx) })
}

func (db *DB) unitsStamp(ctx context.Context) (int64, error) {
	var n int64
	err := db.r(ctx).QueryRowContext(ctx, `SELECT n FROM units_stamp`).Scan(&n)
	return n, err
}

// FindUnits returns unit versions ordered by code then valid_from.
func (db *DB) FindUnits(ctx context.Context, f admin.UnitFilter) ([]*admin.Unit, error) {
	var w where
	if f.AsOf != "" {
		w.add("(valid_from = '' OR valid_from <= ?)", f.AsOf)
		w.add("(valid_to = '' OR ? <= valid_to)", f.AsOf)
	}
	if f.Level != "" {
		w.add("level = ?", string(f.Level))
	}
	if f.ParentCode != "" {
		w.add("parent_code = ?", f.ParentCode)
	}
	if f.Code != "" {
		w.add("code = ?", f.Code)
	}
	if f.Province != "" {
		w.add("province_code = ?", f.Province)
	}
	if f.Query != "" {
		w.add("name "+db.dialect.ilike()+" ?", "%"+f.Query+"%")
	}
	query := `SELECT code, valid_from, valid_to, name, type, level, parent_code FROM units WHERE ` + w.sql() + ` ORDER BY code, valid_from`
	// Every page reads units (the user's scope, its communes): they are remembered
	// while the units stand (units_stamp, moved by ReplaceUnits in its transaction).
	units, err := memoized(ctx, &db.unitsMemo, db.UnitsStamp, memoKey(query, w.args), func() ([]admin.Unit, error) {
		rows, err := db.r(ctx).QueryContext(ctx, query, w.args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []admin.Unit
		for rows.Next() {
			var u admin.Unit
			var level string
			if err := rows.Scan(&u.Code, &u.ValidFrom, &u.ValidTo, &u.Name, &u.Type, &level, &u.ParentCode); err != nil {
				return nil, err
			}
			u.Level = admin.Level(level)
			out = append(out, u)
		}
		return out, rows.Err()
	})
	if err != nil {
		return nil, err
	}
	// The caller gets its own units.
	var out []*admin.Unit
	if len(units) > 0 {
		own := slices.Clone(units)
		out = make([]*admin.Unit, len(own))
		for i := range own {
			out[i] = &own[i]
		}
	}
	return out, nil
}

// FindUnitByCode returns the version of code valid on asOf, or the latest when "".
func (db *DB) FindUnitByCode(ctx context.Context, code, asOf string) (*admin.Unit, error) {
	us, err := db.FindUnits(ctx, admin.UnitFilter{Code: code, AsOf: asOf})
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, admin.ErrUnitNotFound(code)
	}
	return us[len(us)-1], nil
}

// FindMappings returns mapping rows by old and/or new code.
func (db *DB) FindMappings(ctx context.Context, oldCode, newCode string) ([]*admin.Mapping, error) {
	var w where
	if oldCode != "" {
		w.add("old_code = ?", oldCode)
	}
	if newCode != "" {
		w.add("new_code = ?", newCode)
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT old_code, old_name, new_code, new_name, kind FROM unit_mappings WHERE `+
		w.sql()+` ORDER BY old_code, new_code`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*admin.Mapping
	for rows.Next() {
		m := &admin.Mapping{}
		if err := rows.Scan(&m.OldCode, &m.OldName, &m.NewCode, &m.NewName, &m.Kind); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CountUnits counts every unit version.
func (db *DB) CountUnits(ctx context.Context) (int, error) {
	var n int
	err := db.r(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units`).Scan(&n)
	return n, err
}

// CreateVillage inserts a village under its commune.
func (db *DB) CreateVillage(ctx context.Context, v *admin.Village) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO villages (commune_code, name, new_commune_code, created_at) VALUES ($1,$2,$3,$4) RETURNING id`,
		v.CommuneCode, v.Name, v.NewCommuneCode, db.t(v.CreatedAt)).Scan(&v.ID)
	return db.formatError(err)
}

// FindVillages lists the villages of a commune by name.
func (db *DB) FindVillages(ctx context.Context, communeCode string) ([]*admin.Village, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, commune_code, name, new_commune_code, created_at FROM villages WHERE commune_code = $1 ORDER BY name`, communeCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*admin.Village
	for rows.Next() {
		v := &admin.Village{}
		if err := rows.Scan(&v.ID, &v.CommuneCode, &v.Name, &v.NewCommuneCode, scanTime(&v.CreatedAt)); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
