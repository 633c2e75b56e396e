package giamngheo

import (
	"context"
)

// TxRunner runs fn inside one database transaction. The context passed to fn carries
// the transaction; stores use it when present. Inside fn, use only that context.
// One use case is one transaction with one timestamp (Now read once).
type TxRunner interface {
	WithTx(ctx context.Context, fn func(ctx context.Context) error) error
}

// Page is the shared paging convention of Find* methods: Offset and Limit (0 = the
// store's default). Find* methods return the total count before LIMIT.
type Page struct {
	Offset int
	Limit  int
}

// DefaultLimit is the page size when Page.Limit is 0.
const DefaultLimit = 50

// Norm returns the page with defaults applied and bounds checked.
func (p Page) Norm() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit > 10000 {
		p.Limit = 10000
	}
	if p.Offset < 0 {
		p.Offset = 0
	}
	return p
}

// Version is the product version, set at build time with -ldflags.
var Version = "0.1.0-dev"
