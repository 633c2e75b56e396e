package main

import (
	"fmt"
	"io"
	"strings"

	"giamngheo/registry"
	"giamngheo/registry/imports"
)

// printMappings lists the old → new commune carries an import applied (a file of before
// the reorganisation of 1 July 2025), and the split communes still waiting for a choice.
func printMappings(w io.Writer, rep *imports.Report) {
	for _, m := range rep.Mappings {
		fmt.Fprintf(w, "Chuyển xã / commune mapped: %s (%s) → %s (%s), %d hộ / households, %s\n",
			m.OldCode, m.OldName, m.NewCode, m.NewName, m.Households, mappedBy(m.By))
	}
	for _, s := range rep.Splits {
		var cs []string
		for _, c := range s.Candidates {
			cs = append(cs, c.NewCode+" ("+c.NewName+")")
		}
		fmt.Fprintf(w, "Cần chọn xã mới / choose the new commune: %s (%s), %d hộ / households: %s (--map %s=MÃ_XÃ_MỚI)\n",
			s.OldCode, s.OldName, s.Households, strings.Join(cs, ", "), s.OldCode)
	}
}

// printRecognised says how many households the import recognised (--recognised).
func printRecognised(w io.Writer, rep *imports.Report) {
	if rep.Recognised == 0 {
		return
	}
	verb, en := "đã ghi", "recorded"
	if rep.DryRun || !rep.Committed {
		verb, en = "sẽ ghi", "to record"
	}
	fmt.Fprintf(w, "Tình trạng đã công nhận %s cho %d hộ / recognised status %s for %d households\n", verb, rep.Recognised, en, rep.Recognised)
}

func mappedBy(by string) string {
	switch by {
	case registry.MappedByVillage:
		return "theo thôn / by village"
	case registry.MappedByChoice:
		return "theo lựa chọn / by choice"
	}
	return "sáp nhập nguyên xã / whole merger"
}
