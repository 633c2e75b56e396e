package giamngheo

import (
	"context"
	"strings"
)

// Role is what a user may do. A role is always paired with an administrative scope
// (the unit the user belongs to), see Actor.
type Role string

// The roles of the system.
const (
	RoleProvinceAdmin   Role = "province_admin"   // quản trị tỉnh
	RoleProvinceOfficer Role = "province_officer" // cán bộ tỉnh
	RoleDistrictOfficer Role = "district_officer" // cán bộ huyện (until 30/06/2025)
	RoleCommuneOfficer  Role = "commune_officer"  // cán bộ giảm nghèo xã
	RoleAgencyOfficer   Role = "agency_officer"   // cán bộ sở, ngành (Y tế, NHCSXH …)
	RoleViewer          Role = "viewer"           // chỉ xem
)

// Roles lists every role, in the order shown to administrators.
var Roles = []Role{RoleProvinceAdmin, RoleProvinceOfficer, RoleDistrictOfficer, RoleCommuneOfficer, RoleAgencyOfficer, RoleViewer}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Label returns the Vietnamese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleProvinceAdmin:
		return "Quản trị tỉnh"
	case RoleProvinceOfficer:
		return "Cán bộ tỉnh"
	case RoleDistrictOfficer:
		return "Cán bộ huyện"
	case RoleCommuneOfficer:
		return "Cán bộ xã"
	case RoleAgencyOfficer:
		return "Cán bộ sở, ngành"
	case RoleViewer:
		return "Chỉ xem"
	}
	return string(r)
}

// CanWrite reports whether the role may change data in its scope.
func (r Role) CanWrite() bool {
	return r != RoleViewer
}

// EditsRegistry reports whether the role may change the household registry and run
// the review (open rounds, record steps, edit households and their surveys). An
// agency officer reads the registry of its scope and records only its own agency's
// support; a viewer changes nothing (least privilege, issue 10).
func (r Role) EditsRegistry() bool {
	switch r {
	case RoleProvinceAdmin, RoleProvinceOfficer, RoleDistrictOfficer, RoleCommuneOfficer:
		return true
	}
	return false
}

// SeesFullNationalID reports whether the role sees national ID numbers whole; the
// others see the last four digits (MaskNationalID).
func (r Role) SeesFullNationalID() bool { return r != RoleViewer }

// MaskNationalID hides all but the last four digits of a national ID.
func MaskNationalID(id string) string {
	if len(id) <= 4 {
		return strings.Repeat("*", len(id))
	}
	return strings.Repeat("*", len(id)-4) + id[len(id)-4:]
}

// IsAdmin reports whether the role administers users and configuration.
func (r Role) IsAdmin() bool { return r == RoleProvinceAdmin }

// Actor is the authenticated user acting in a request or a CLI command.
// ScopeCode is the GSO code of the administrative unit the user is confined to;
// "" means the whole country (the system itself, or a national administrator).
type Actor struct {
	UserID    int64
	Username  string
	Name      string
	Role      Role
	ScopeCode string
	Agency    string
}

// System is the actor used by the CLI and by start-up tasks: it has national scope.
var System = &Actor{UserID: 0, Username: "system", Name: "Hệ thống", Role: RoleProvinceAdmin}

type actorKey struct{}

// NewContextWithActor returns a context carrying the actor.
func NewContextWithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFromContext returns the actor in ctx, or nil.
func ActorFromContext(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}

// InScopeFunc reports whether a unit code lies inside (or is) the scope unit. It is
// needed because unit codes are not hierarchical strings (a commune's code does not
// start with its district's), so the check asks the unit tree.
type InScopeFunc func(ctx context.Context, scopeCode, unitCode string) (bool, error)

// RequireScope returns EFORBIDDEN unless the actor's scope covers unitCode.
func RequireScope(ctx context.Context, in InScopeFunc, unitCode string) error {
	a := ActorFromContext(ctx)
	if a == nil {
		return Errorf(EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.ScopeCode == "" || a.ScopeCode == unitCode {
		return nil
	}
	ok, err := in(ctx, a.ScopeCode, unitCode)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(EFORBIDDEN, "Bạn không có quyền xem hoặc sửa dữ liệu của đơn vị %s.", "You may not see or change data of unit %s.", strings.TrimSpace(unitCode))
	}
	return nil
}

// RequireWrite returns EFORBIDDEN unless the actor may write.
func RequireWrite(ctx context.Context) error {
	a := ActorFromContext(ctx)
	if a == nil {
		return Errorf(EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if !a.Role.CanWrite() {
		return Errorf(EFORBIDDEN, "Tài khoản chỉ xem không được thay đổi dữ liệu.", "A read-only account may not change data.")
	}
	return nil
}

// RequireRegistryWrite returns EFORBIDDEN unless the actor may change the registry
// and run the review (Role.EditsRegistry).
func RequireRegistryWrite(ctx context.Context) error {
	if err := RequireWrite(ctx); err != nil {
		return err
	}
	if a := ActorFromContext(ctx); !a.Role.EditsRegistry() {
		return Errorf(EFORBIDDEN, "Tài khoản %s chỉ được xem danh sách hộ và rà soát, không được sửa.",
			"A %s account may read the registry and the review, not change them.", a.Role.Label())
	}
	return nil
}

// RequireAdmin returns EFORBIDDEN unless the actor is an administrator.
func RequireAdmin(ctx context.Context) error {
	a := ActorFromContext(ctx)
	if a == nil {
		return Errorf(EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if !a.Role.IsAdmin() {
		return Errorf(EFORBIDDEN, "Chức năng này chỉ dành cho quản trị viên.", "Only administrators may do this.")
	}
	return nil
}
