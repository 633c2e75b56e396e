package giamngheo

import (
	"context"
	"errors"
	"testing"
)

func TestOnceStamp(t *testing.T) {
	reads := 0
	n := int64(1)
	read := func() (int64, error) { reads++; return n, nil }
	ctx := context.Background()
	// Without WithStamps: every use reads.
	OnceStamp(ctx, "a", read)
	OnceStamp(ctx, "a", read)
	if reads != 2 {
		t.Fatalf("plain context: %d reads, want 2", reads)
	}
	// With it: one read per name, the value of that read for the whole context.
	reads = 0
	page := WithStamps(ctx)
	for range 3 {
		if got, err := OnceStamp(page, "a", read); err != nil || got != 1 {
			t.Fatalf("OnceStamp = %d, %v", got, err)
		}
		n = 2
	}
	OnceStamp(page, "b", read)
	if reads != 2 {
		t.Fatalf("page context: %d reads, want 2 (one per name)", reads)
	}
	// A new page sees the new value; an error is not kept.
	if got, _ := OnceStamp(WithStamps(ctx), "a", read); got != 2 {
		t.Fatalf("next page: stamp %d, want 2", got)
	}
	page = WithStamps(ctx)
	if _, err := OnceStamp(page, "a", func() (int64, error) { return 0, errors.New("down") }); err == nil {
		t.Fatal("error not returned")
	}
	if got, err := OnceStamp(page, "a", read); err != nil || got != 2 {
		t.Fatalf("after an error: %d, %v", got, err)
	}
}
