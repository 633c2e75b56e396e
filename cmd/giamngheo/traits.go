package main

import (
	"os"
	"strconv"
	"strings"

	"giamngheo/registry"
)

// traitRules reads the operator's rules for the household traits the registry derives
// from the members (registry.TraitRules; the law leaves room in each):
// GIAMNGHEO_ETHNIC_BY ("head", the default: the head's ethnicity makes an
// ethnic-minority household; "any": a member's), GIAMNGHEO_MAJORITY_ETHNICITIES (the
// groups that are not minorities, comma-separated; default "Kinh") and
// GIAMNGHEO_WORKING_AGE_MIN (the youngest age of labour; default 15, Labour Code 2019
// Art. 3.1). A value that does not parse keeps the default.
func traitRules() *registry.TraitRules {
	r := registry.DefaultTraitRules
	if v := strings.TrimSpace(os.Getenv("GIAMNGHEO_ETHNIC_BY")); v == "head" || v == "any" {
		r.EthnicBy = v
	}
	if v := strings.TrimSpace(os.Getenv("GIAMNGHEO_MAJORITY_ETHNICITIES")); v != "" {
		r.Majority = nil
		for _, e := range strings.Split(v, ",") {
			if e = strings.TrimSpace(e); e != "" {
				r.Majority = append(r.Majority, e)
			}
		}
	}
	if v, err := strconv.Atoi(strings.TrimSpace(os.Getenv("GIAMNGHEO_WORKING_AGE_MIN"))); err == nil && v > 0 && v < 30 {
		r.MinWorkingAge = v
	}
	return &r
}
