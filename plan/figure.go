package plan

import (
	"context"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/audit"
)

// AddFigure records a value of an entered target of the plan, with its evidence. The
// agency that answers for the target enters it (or a province officer for it).
func (s *Service) AddFigure(ctx context.Context, p *Plan, f *Figure) error {
	t, ok := p.TargetByCode(f.Target)
	if !ok {
		return giamngheo.Errorf(giamngheo.EINVALID, "Kế hoạch không có chỉ tiêu %q.", "The plan has no target %q.", f.Target)
	}
	if err := s.mayEnter(ctx, p.ProvinceCode, t.Agency); err != nil {
		return err
	}
	if err := s.prepareFigure(p, t, f); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		return s.insertFigure(ctx, p, f, s.Now().UTC())
	})
}

func (s *Service) prepareFigure(p *Plan, t Target, f *Figure) error {
	if t.Source != SourceEntered {
		return giamngheo.Errorf(giamngheo.EINVALID, "Chỉ tiêu “%s” được tính trực tiếp từ sổ hộ nghèo, không nhập.",
			"The target “%s” is computed from the registry, not entered.", t.Indicator)
	}
	f.Evidence = strings.TrimSpace(f.Evidence)
	if f.Evidence == "" {
		return giamngheo.Errorf(giamngheo.EINVALID, "Ghi căn cứ của số liệu (văn bản, báo cáo, danh sách).",
			"State the evidence of the figure (a document, a report, a list).")
	}
	if f.Value < 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Số liệu không được âm.", "A figure may not be negative.")
	}
	if t.Unit == "%" && f.Value > 100 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Tỷ lệ không vượt quá 100%%.", "A rate may not exceed 100%%.")
	}
	if f.AsOf == "" {
		f.AsOf = giamngheo.DayString(s.Now())
	}
	d, err := time.ParseInLocation(giamngheo.DateLayout, f.AsOf, giamngheo.Vietnam)
	if err != nil || d.After(giamngheo.Today(s.Now())) {
		return giamngheo.Errorf(giamngheo.EINVALID, "Ngày số liệu %q không hợp lệ hoặc ở tương lai.", "Figure day %q is not valid or in the future.", f.AsOf)
	}
	f.PlanID, f.Agency = p.ID, t.Agency
	return nil
}

func (s *Service) insertFigure(ctx context.Context, p *Plan, f *Figure, now time.Time) error {
	f.CreatedAt = now
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		f.EnteredBy = a.Username
	}
	if err := s.Store.InsertPlanFigure(ctx, f); err != nil {
		return err
	}
	return audit.Record(ctx, s.Audit, now, "create", "plan_figure", strconv.FormatInt(f.ID, 10), p.ProvinceCode, nil, f)
}

// Figures returns the latest figure of each target of the plan (province-wide).
func (s *Service) Figures(ctx context.Context, p *Plan) (map[string]*Figure, error) {
	if err := s.mayRead(ctx, p.ProvinceCode); err != nil {
		return nil, err
	}
	fs, err := s.Store.FindPlanFigures(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := map[string]*Figure{}
	for _, f := range fs {
		if f.Unit != "" {
			continue
		}
		if o := out[f.Target]; o == nil || f.AsOf >= o.AsOf {
			out[f.Target] = f
		}
	}
	return out, nil
}
