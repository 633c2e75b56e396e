package importfile

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"giamngheo/registry"
)

// Writer writes households in the template's layout (one row per member, household
// columns repeated), so that an exported file imports back unchanged. It streams: a
// province's list costs little memory. The caller has already limited the households
// to the user's scope.
type Writer struct {
	csv  *csv.Writer
	xlsx *excelize.File
	sw   *excelize.StreamWriter
	out  io.Writer
	row  int
	cell []string
	vals []any
	// extra are the columns the export adds after the template's (registry.ExportColumn):
	// the reader does not know their headers and leaves them aside on import.
	extra []registry.ExportColumn
}

// NewCSVWriter writes UTF-8 CSV with a byte-order mark (Excel opens it as Unicode).
func NewCSVWriter(w io.Writer) (*Writer, error) { return NewCSVExport(w, nil) }

// NewCSVExport is NewCSVWriter with extra columns after the template's.
func NewCSVExport(w io.Writer, extra []registry.ExportColumn) (*Writer, error) {
	if _, err := w.Write(utf8BOM); err != nil {
		return nil, err
	}
	x := &Writer{csv: csv.NewWriter(w), cell: make([]string, templateColumns+len(extra)), extra: extra}
	return x, x.header()
}

// NewXLSXWriter writes a workbook with the sheet "Danh sách"; Close writes it out.
func NewXLSXWriter(w io.Writer) (*Writer, error) { return NewXLSXExport(w, nil) }

// NewXLSXExport is NewXLSXWriter with extra columns after the template's.
func NewXLSXExport(w io.Writer, extra []registry.ExportColumn) (*Writer, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(dataSheet)
	if err != nil {
		return nil, err
	}
	n := templateColumns + len(extra)
	x := &Writer{xlsx: f, sw: sw, out: w, cell: make([]string, n), vals: make([]any, n), extra: extra}
	return x, x.header()
}

func (w *Writer) header() error {
	for i, c := range columns[:templateColumns] {
		w.cell[i] = c.Header
	}
	for k, e := range w.extra {
		w.cell[templateColumns+k] = e.Header
	}
	return w.flush()
}

func (w *Writer) flush() error {
	w.row++
	if w.csv != nil {
		for i, c := range w.cell {
			w.cell[i] = Neutralise(c) // no formula reaches a spreadsheet (formula.go)
		}
		return w.csv.Write(w.cell)
	}
	for i, s := range w.cell {
		// Text cells: identity numbers and dates keep their leading zeros and form.
		w.vals[i] = excelize.Cell{Value: s}
	}
	name, err := excelize.CoordinatesToCellName(1, w.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(name, w.vals)
}

// Write writes the rows of one household.
func (w *Writer) Write(h *registry.Household) error {
	s := &h.Survey
	for i, m := range h.Members {
		for j := range w.cell {
			w.cell[j] = ""
		}
		set := func(id colID, v string) { w.cell[id] = v }
		set(colCode, h.Code)
		set(colProvince, h.ProvinceCode)
		set(colCommune, h.CommuneCode)
		set(colVillage, h.VillageName)
		set(colAddress, h.Address)
		set(colPhone, h.Phone)
		set(colName, m.Name)
		rel := m.Relation
		if rel == "" && i == 0 {
			rel = registry.RelationHead
		}
		if rel != "" {
			set(colRelation, relationChoices.label(rel))
		}
		if m.Sex != "" {
			set(colSex, sexChoices.label(m.Sex))
		}
		set(colBirthDate, dmy(m.BirthDate))
		set(colEthnicity, m.Ethnicity)
		set(colNationalID, m.NationalID)
		set(colHealthInsurance, yesNo(m.HealthInsurance))
		if m.Schooling != "" {
			set(colSchooling, schoolingChoices.label(m.Schooling))
		}
		if m.Employment != "" {
			set(colEmployment, employmentChoices.label(m.Employment))
		}
		set(colDisability, yesNo(&m.DisabilityAllowance))
		set(colMalnourished, yesNo(m.Malnourished))
		set(colFarm, yesNo(&s.FarmHousehold))
		if s.Income12m != nil {
			set(colIncome, strconv.FormatInt(*s.Income12m, 10))
		}
		set(colWalls, yesNo(s.HouseWallsDurable))
		set(colColumns, yesNo(s.HouseColumnsDurable))
		set(colRoof, yesNo(s.HouseRoofDurable))
		set(colFloorArea, land(s.FloorAreaM2))
		if s.WaterSource != "" {
			set(colWater, waterChoices.label(s.WaterSource))
		}
		if s.Latrine != "" {
			set(colLatrine, latrineChoices.label(s.Latrine))
		}
		set(colTelecom, yesNo(s.Telecom))
		if s.Devices != nil {
			if len(s.Devices) == 0 {
				set(colDevices, "Không")
			} else {
				ds := make([]string, len(s.Devices))
				for k, d := range s.Devices {
					ds[k] = deviceChoices.label(d)
				}
				set(colDevices, strings.Join(ds, ", "))
			}
		}
		set(colWaste, yesNo(s.WasteTreated))
		if s.Area != "" {
			set(colArea, areaChoices.label(s.Area))
		}
		if s.Region != "" {
			set(colRegion, regionChoices.label(s.Region))
		}
		l := &h.Livelihood
		set(colAnnualCrop, land(l.AnnualCropLandM2))
		set(colPerennialCrop, land(l.PerennialCropLandM2))
		set(colAquaculture, land(l.AquacultureM2))
		set(colForest, land(l.ForestLandM2))
		set(colCattle, count(l.Cattle))
		set(colPigs, count(l.Pigs))
		set(colPoultry, count(l.Poultry))
		if m.SocialAllowance != "" {
			set(colAllowance, allowanceChoices.label(m.SocialAllowance))
		}
		t := &h.Traits
		set(colMerit, yesNo(&t.Merit))
		set(colNoLabour, yesNo(t.NoLabourOverride))
		set(colCauses, listLabels(causeChoices, t.Causes))
		set(colNeeds, listLabels(needChoices, t.Needs))
		for k, e := range w.extra {
			w.cell[templateColumns+k] = e.Value(h)
		}
		if err := w.flush(); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the file.
func (w *Writer) Close() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	defer w.xlsx.Close()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	_, err := w.xlsx.WriteTo(w.out)
	return err
}

func yesNo(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "Có"
	}
	return "Không"
}

// land writes an area in m² with a decimal comma, as officers write it, without
// grouping (1440, 45,5); "" when not answered.
func land(a *float64) string {
	if a == nil {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(*a, 'f', -1, 64), ".", ",", 1)
}

// count writes a number of animals; "" when not answered.
func count(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// dmy turns YYYY-MM-DD into the dd/mm/yyyy officers write.
func dmy(d string) string {
	if len(d) == 10 && d[4] == '-' && d[7] == '-' {
		return d[8:10] + "/" + d[5:7] + "/" + d[0:4]
	}
	return d
}
