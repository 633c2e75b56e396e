package main

import (
	"context"
	"fmt"
	"io"
)

func runMigrate(ctx context.Context, args []string, stdout io.Writer) error {
	c := DefaultConfig()
	fs := newFlagSet("migrate", stdout)
	dbFlag(fs, &c)
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	s, err := openStoreNoMigrate(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	applied, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "Cơ sở dữ liệu đã cập nhật / database is up to date")
	}
	for _, name := range applied {
		fmt.Fprintln(stdout, "đã áp dụng / applied", name)
	}
	return nil
}
