package registry

import "context"

// StatusChange is one change of a household's recognised status: the status a decision
// gave it (class, since, decision number and date, round, certificate). Only a review
// decision makes one (ADR 0010), or the import of a list already recognised.
type StatusChange struct {
	Recognition
}

// StatusHistory returns every change of the recognised status of household id, newest
// first (by the day it took effect), within the actor's scope.
func (s *Service) StatusHistory(ctx context.Context, id int64) ([]*StatusChange, error) {
	if err := s.RequireHousehold(ctx, id); err != nil {
		return nil, err
	}
	return s.Store.FindStatusHistory(ctx, id)
}
