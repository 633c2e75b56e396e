package main

import (
	"context"
	"os"

	"giamngheo"
)

// clockKey carries the binary's clock in the context of a command.
type clockKey struct{}

// withClock returns ctx carrying clock: every service, page and file of the command
// reads the time from it, never from the machine directly.
func withClock(ctx context.Context, clock giamngheo.Clock) context.Context {
	return context.WithValue(ctx, clockKey{}, clock)
}

// clockOf returns the clock carried by ctx, or the system clock (in Vietnam time).
func clockOf(ctx context.Context) giamngheo.Clock {
	if c, ok := ctx.Value(clockKey{}).(giamngheo.Clock); ok && c != nil {
		return c
	}
	return giamngheo.SystemClock
}

// envClock reads GIAMNGHEO_NOW: unset is the system clock; an instant or a day starts
// the clock there (for tests, training installations and rehearsing a date such as
// the switch of standards on 1 January 2027).
func envClock() (giamngheo.Clock, error) {
	return giamngheo.ParseClock(os.Getenv("GIAMNGHEO_NOW"))
}
