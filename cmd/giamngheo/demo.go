package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/demo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
	"giamngheo/review"
	"giamngheo/user"
)

// demoReference is the date of the demo's survey: the end-2024 review of Hải Dương,
// whose published rates (0.96 % poor, 1.30 % near-poor) the generator reproduces on the
// province's 2023 map (the map of the 2023 plan).
var demoReference = time.Date(2024, time.October, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// runDemo is `giamngheo demo generate`: synthetic, import-ready household files.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "generate" {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cách dùng: giamngheo demo generate --province 30 --households N --seed S --out DIR",
			"Usage: giamngheo demo generate --province 30 --households N --seed S --out DIR")
	}
	fs := newFlagSet("demo generate", stderr)
	provinces := fs.String("province", "", "mã tỉnh, cách nhau bởi dấu phẩy; mặc định tỉnh chứa Hải Dương vào ngày khảo sát (30 trước 01/07/2025, 31 từ đó) / province codes; default the province holding Hải Dương on the date")
	n := fs.Int("households", 0, "số hộ (0 = cả tỉnh) / number of households (0 = the whole province)")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên / random seed")
	out := fs.String("out", ".", "thư mục ghi tệp / output directory")
	date := fs.String("date", giamngheo.DayString(clockOf(ctx)()), "ngày khảo sát, mặc định hôm nay: tệp dùng danh mục đơn vị của ngày đó / reference date YYYY-MM-DD, default today: the file uses that day's units")
	format := fs.String("format", "csv", "csv hoặc xlsx")
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	ref, err := time.ParseInLocation(giamngheo.DateLayout, *date, giamngheo.Vietnam)
	if err != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Ngày %q không hợp lệ (YYYY-MM-DD).", "Invalid date %q (YYYY-MM-DD).", *date)
	}
	if *provinces == "" {
		// Hải Dương (30) merged into Thành phố Hải Phòng (31) on 1 July 2025
		// (Resolution 202/2025/QH15 of 12/06/2025): the default follows the map of the date.
		*provinces = "30"
		if !ref.Before(time.Date(2025, time.July, 1, 0, 0, 0, 0, giamngheo.Vietnam)) {
			*provinces = "31"
		}
	}
	gen, err := demo.New(demo.Config{Provinces: splitCodes(*provinces), Households: *n, Seed: *seed, ReferenceDate: ref})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	name := filepath.Join(*out, "ho-gia-dinh-"+strings.ReplaceAll(*provinces, ",", "-")+"."+*format)
	f, err := os.Create(name)
	if err != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được tệp %s: %v", "Cannot create %s: %v", name, err)
	}
	defer f.Close()
	newWriter := importfile.NewCSVWriter
	if *format == "xlsx" {
		newWriter = importfile.NewXLSXWriter
	}
	w, err := newWriter(f)
	if err != nil {
		return err
	}
	count, members := 0, 0
	for h := range gen.Households() {
		if err := w.Write(h); err != nil {
			return err
		}
		count++
		members += len(h.Members)
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã ghi %d hộ, %d nhân khẩu vào %s / wrote %d households, %d members\n", count, members, name, count, members)
	return f.Close()
}

// seedDemo fills a new database with a synthetic sample of Hải Dương as in the 2023
// plan: households surveyed in the end-2024 review on the province's 2023 map,
// recognised poor and near-poor as the review found them, then carried through the
// commune mergers of 1 January 2025 and the merger into Thành phố Hải Phòng on 1 July
// 2025, so that each household is seen under its old units before those dates and
// under the new ones after. It also creates a commune officer and a province officer.
func seedDemo(ctx context.Context, a *app, households int, stdout io.Writer) error {
	sys := systemCtx(ctx)
	gen, err := demo.New(demo.Config{Provinces: []string{"30"}, Households: households, Seed: 2023, ReferenceDate: demoReference})
	if err != nil {
		return err
	}
	// The households are registered on the review's date.
	at := func() time.Time { return demoReference }
	reg := &registry.Service{Store: a.store, Units: a.store, Audit: a.store, Tx: a.store, Now: at, ReferenceDate: at, Traits: traitRules()}
	cls, err := reg.NewClassifier(demoReference)
	if err != nil {
		return err
	}
	recognised := review.Date(2024, time.December, 14) // end of the periodic review (Decision 24/2021/QĐ-TTg, Art. 3)
	counts := map[poverty.Class]int{}
	err = a.store.WithTx(sys, func(ctx context.Context) error {
		batch := make([]*registry.Household, 0, 2000)
		flush := func() error {
			if _, err := reg.ImportBatch(ctx, batch); err != nil {
				return err
			}
			for _, h := range batch {
				if c := h.Result.Class; c == poverty.Poor || c == poverty.NearPoor {
					day := recognised.Format(giamngheo.DateLayout)
					if err := a.store.SetHouseholdStatus(ctx, h.ID, registry.Recognition{Class: c, Since: day, DecidedOn: day}); err != nil {
						return err
					}
				}
			}
			batch = batch[:0]
			return nil
		}
		for h := range gen.Households() {
			if err := cls.Prepare(ctx, h); err != nil {
				return err
			}
			counts[h.Result.Class]++
			if batch = append(batch, h); len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		return audit.Record(ctx, a.store, a.now(), "seed", "household_file", "demo", "", nil,
			map[string]any{"households": households, "province": "30", "reference_date": demoReference.Format("2006-01-02"), "synthetic": true})
	})
	if err != nil {
		return err
	}
	units, maps, err := admin.EmbeddedProvinces("30", "31")
	if err != nil {
		return err
	}
	jan := admin.InferMergerMapping(admin.AsOf(units, "2024-12-31"), admin.AsOf(units, "2025-03-01"))
	movedJan, err := reg.CarryHouseholds(sys, jan, review.Date(2025, time.January, 1), nil)
	if err != nil {
		return err
	}
	movedJul, err := reg.CarryHouseholds(sys, maps, review.Date(2025, time.July, 1), nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Dữ liệu mẫu (tổng hợp, không phải người thật): %d hộ Hải Dương, %d hộ nghèo, %d hộ cận nghèo; chuyển qua sáp nhập 01/01/2025 (%d hộ) và 01/07/2025 (%d hộ)\n",
		households, counts[poverty.Poor], counts[poverty.NearPoor], movedJan, movedJul)
	fmt.Fprintf(stdout, "Demo data (synthetic, no real person): %d Hải Dương households, %d poor, %d near-poor; carried through the mergers of 2025-01-01 (%d) and 2025-07-01 (%d)\n",
		households, counts[poverty.Poor], counts[poverty.NearPoor], movedJan, movedJul)
	for _, acc := range []user.NewUser{
		{Username: "canbo.xa", Name: "Cán bộ giảm nghèo xã Thanh Hà", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"},
		{Username: "canbo.tinh", Name: "Cán bộ Sở (Hải Phòng)", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"},
	} {
		acc.Password = user.RandomPassword()
		if _, err := a.users.CreateUser(sys, acc); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "  tài khoản mẫu / demo account: %s (%s) mật khẩu / password: %s\n", acc.Username, acc.Role.Label(), acc.Password)
	}
	return nil
}
