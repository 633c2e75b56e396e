// Package giamngheo is the shared kernel of the poverty-reduction system: the
// application error type and codes, the acting user carried in a context, roles and
// administrative scope, paging and the transaction runner. Domain packages
// (admin, registry, poverty, review, audit …) build on it; adapters (store, on
// SQLite and PostgreSQL; http, export) depend on the domain, never the other way round.
package giamngheo
