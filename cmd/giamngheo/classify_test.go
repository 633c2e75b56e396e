package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"giamngheo"
)

const cliHousehold = `{"id":"HD-01","income_12m":34800000,"floor_area_m2":14,"water_source":"surface","latrine":"septic","telecom":true,"devices":["tv"],"house_walls_durable":true,"house_columns_durable":true,"house_roof_durable":true,"members":[{"name":"Nguyễn Văn A","sex":"male","birth_date":"1980-01-01","health_insurance":false,"schooling":"finished_upper_secondary","employment":"self_employed"},{"name":"Trần Thị B","sex":"female","birth_date":"1984-05-05","health_insurance":true,"schooling":"finished_upper_secondary","employment":"self_employed"}]}`

// classifyCLI runs the subcommand and decodes its output lines.
func classifyCLI(t *testing.T, stdin string, args ...string) (results []map[string]any, stderr string, err error) {
	t.Helper()
	var out, errw bytes.Buffer
	err = runClassify(context.Background(), args, strings.NewReader(stdin), &out, &errw)
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if jerr := json.Unmarshal([]byte(line), &m); jerr != nil {
			t.Fatalf("output is not JSON lines: %v\n%s", jerr, out.String())
		}
		results = append(results, m)
	}
	return results, errw.String(), err
}

func TestRunClassify(t *testing.T) {
	// 34,800,000 / 12 / 2 = 1,450,000 ≤ 1,500,000; deprived in health insurance,
	// floor area (7 m² per person) and water: poor.
	res, stderr, err := classifyCLI(t, cliHousehold+"\n", "--date", "2026-06-30", "--area", "rural")
	if err != nil || len(res) != 1 || stderr != "" {
		t.Fatalf("err %v, %d results, stderr %q", err, len(res), stderr)
	}
	r := res[0]
	if r["class"] != "poor" || r["standard"] != "2022-2026" || r["deprivation_count"] != 3.0 || r["id"] != "HD-01" || r["explanation"] == nil {
		t.Errorf("result %v", r)
	}

	// A bad line: reported on stderr (Vietnamese, then English) and in the output,
	// the next line is still classified, and the command fails at the end.
	bad := `{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-02-30"}]}`
	res, stderr, err = classifyCLI(t, cliHousehold+"\n"+bad+"\n"+cliHousehold+"\n", "--date", "2026-06-30", "--area", "rural")
	if giamngheo.ErrorCode(err) != giamngheo.EINVALID || !strings.Contains(giamngheo.ErrorMessage(err), "1 dòng") {
		t.Errorf("err %v, want EINVALID naming 1 line", err)
	}
	if len(res) != 3 || res[1]["error"] == nil || res[2]["class"] != "poor" {
		t.Errorf("results %v", res)
	}
	vi, en := strings.Index(stderr, "dòng 2, trường members[0].birth_date"), strings.Index(stderr, "line 2, field members[0].birth_date")
	if vi < 0 || en < vi {
		t.Errorf("stderr %q", stderr)
	}

	// --date picks the standard in force; --standard forces one.
	if res, _, err = classifyCLI(t, cliHousehold, "--date", "2027-03-01", "--area", "rural"); err != nil || res[0]["standard"] != "2027-2030" {
		t.Errorf("2027: %v %v", err, res)
	}
	if res, _, err = classifyCLI(t, cliHousehold, "--standard", "2027-2030", "--date", "2026-06-30", "--area", "urban"); err != nil || res[0]["standard"] != "2027-2030" || res[0]["area"] != "urban" {
		t.Errorf("--standard: %v %v", err, res)
	}
	if _, _, err = classifyCLI(t, cliHousehold, "--date", "2021-05-01", "--area", "rural"); giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		t.Errorf("2021: %v", err)
	}
}

func TestRunClassifyCardAndLocalStandard(t *testing.T) {
	scored := strings.Replace(cliHousehold, `"income_12m":34800000`, `"region":"red_river_delta","score_answers":{"household_size":"2","earners":"1","head_education":"primary","dwelling":"semi_durable","assets":"1","pension":"no"}`, 1)
	res, _, err := classifyCLI(t, scored, "--date", "2026-06-30", "--area", "rural", "--card", "example")
	if err != nil || res[0]["example_card"] != true || res[0]["income_method"] != "score" {
		t.Fatalf("example card: %v %v", err, res)
	}
	// Without a card, score answers are refused on that line.
	if res, _, err = classifyCLI(t, scored, "--date", "2026-06-30", "--area", "rural"); err == nil || res[0]["error"] == nil {
		t.Errorf("no card: %v %v", err, res)
	}
	// The example card belongs to 2022-2026 only.
	if _, _, err = classifyCLI(t, scored, "--standard", "2027-2030", "--card", "example"); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
		t.Errorf("card for 2027: %v", err)
	}

	// A local standard raising the rural line to 1,800,000 VND from 2026.
	b, err := os.ReadFile("../../poverty/standards/2022-2026.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["id"], m["base"], m["valid_from"] = "HD-2026", "2022-2026", "2026-01-01"
	m["lines"].(map[string]any)["rural"].(map[string]any)["poverty"] = 1_800_000
	b, _ = json.Marshal(m)
	file := filepath.Join(t.TempDir(), "local.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	above := strings.Replace(cliHousehold, "34800000", "40800000", 1) // 1,700,000 per person
	res, _, err = classifyCLI(t, above, "--date", "2026-06-30", "--area", "rural", "--standards-file", file)
	if err != nil || res[0]["standard"] != "HD-2026" || res[0]["class"] != "poor" {
		t.Errorf("local standard: %v %v", err, res)
	}
	res, _, err = classifyCLI(t, above, "--date", "2026-06-30", "--area", "rural")
	if err != nil || res[0]["class"] != "not_poor" {
		t.Errorf("national standard: %v %v", err, res)
	}
	m["lines"].(map[string]any)["rural"].(map[string]any)["poverty"] = 1_000_000
	b, _ = json.Marshal(m)
	os.WriteFile(file, b, 0o644)
	if _, _, err = classifyCLI(t, above, "--standards-file", file); giamngheo.ErrorCode(err) != giamngheo.EINVALID || !strings.Contains(giamngheo.ErrorMessage(err), "local.json") {
		t.Errorf("a local line below the national one: %v", err)
	}
}

func TestRunClassifyFlags(t *testing.T) {
	for _, args := range [][]string{{"--bogus"}, {"--date", "30/06/2026"}, {"--area", "city"}, {"extra"}, {"--card", "/no/such/file.json"}} {
		if _, _, err := classifyCLI(t, cliHousehold, args...); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
			t.Errorf("%v: err %v, want EINVALID", args, err)
		}
	}
	var out bytes.Buffer
	if err := runClassify(context.Background(), []string{"-h"}, strings.NewReader(""), &out, &bytes.Buffer{}); err != nil || !strings.Contains(out.String(), "--standards-file") {
		t.Errorf("-h: %v %q", err, out.String())
	}
}

// TestDocsClassifyExample runs the example of docs/classify.md exactly as written: the
// documented input line through the documented command, compared with the documented
// output.
func TestDocsClassifyExample(t *testing.T) {
	b, err := os.ReadFile("../../docs/classify.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	_, after, ok := strings.Cut(doc, "The same household as an input line:\n\n```\n")
	if !ok {
		t.Fatal("docs/classify.md: the example input line is missing")
	}
	line, _, _ := strings.Cut(after, "\n")
	_, after, ok = strings.Cut(doc, "go run ./cmd/giamngheo classify ")
	if !ok {
		t.Fatal("docs/classify.md: the example command is missing")
	}
	cmdline, _, _ := strings.Cut(after, " < ho.jsonl")
	args := append([]string{"classify"}, strings.Fields(cmdline)...)
	var out, stderr bytes.Buffer
	if code := run(context.Background(), args, strings.NewReader(line+"\n"), &out, &stderr); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output %q: %v", out.String(), err)
	}
	_, after, _ = strings.Cut(doc, "the command writes one line per household):\n\n```json\n")
	shown, _, _ := strings.Cut(after, "\n```")
	for _, key := range []string{`"class": "poor"`, `"standard": "2022-2026"`, `"reference_date": "2026-06-30"`, `"per_capita": 1450000`, `"deprivation_count": 5`} {
		if !strings.Contains(shown, key) {
			t.Fatalf("the documented output lacks %s", key)
		}
	}
	income, _ := got["income"].(map[string]any)
	if got["class"] != "poor" || got["standard"] != "2022-2026" || got["reference_date"] != "2026-06-30" ||
		income["per_capita"] != float64(1450000) || got["deprivation_count"] != float64(5) {
		t.Fatalf("the documented command gives %s", out.String())
	}
}
