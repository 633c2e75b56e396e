package poverty

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const streamGood = `{"id":"HD-1","income_12m":24000000,"water_source":"tap","latrine":"septic","telecom":true,"devices":["tv"],"floor_area_m2":40,"house_walls_durable":true,"house_columns_durable":true,"house_roof_durable":true,"members":[{"name":"A","sex":"male","birth_date":"1980-01-01","health_insurance":true,"schooling":"finished_upper_secondary","employment":"self_employed"},{"name":"B","sex":"female","birth_date":"1982-01-01","health_insurance":false,"schooling":"finished_upper_secondary","employment":"self_employed"}]}`

func runStream(t *testing.T, in string, opts StreamOptions) (failed int, out []map[string]any, errs string) {
	t.Helper()
	var w, e bytes.Buffer
	if opts.Standard == nil {
		opts.Standard = mustStandard(t, "2022-2026")
	}
	if opts.Date.IsZero() {
		opts.Date = ref2026
	}
	opts.Errors = &e
	failed, err := ClassifyStream(context.Background(), strings.NewReader(in), &w, opts)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&w)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, sc.Text())
		}
		out = append(out, m)
	}
	return failed, out, e.String()
}

// TestClassifyStream mixes good, blank and bad lines: every non-blank line gives one
// output line, numbered as in the input; bad lines carry an error naming the field
// and are reported on the error writer, Vietnamese first; the stream goes on.
func TestClassifyStream(t *testing.T) {
	in := streamGood + "\n" +
		"\n" +
		`{"members":[` + "\n" +
		`{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-13-01"}]}` + "\r\n" +
		`{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01","helth_insurance":true}]}` + "\n" +
		strings.Replace(streamGood, "HD-1", "HD-6", 1) // no final newline
	failed, out, errs := runStream(t, in, StreamOptions{Area: Rural})
	if failed != 3 || len(out) != 5 {
		t.Fatalf("failed %d, %d output lines; want 3 and 5\n%s", failed, len(out), errs)
	}
	wantLines := []float64{1, 3, 4, 5, 6}
	for i, m := range out {
		if m["line"] != wantLines[i] {
			t.Errorf("output %d is line %v, want %v", i, m["line"], wantLines[i])
		}
	}
	if out[0]["id"] != "HD-1" || out[0]["class"] != "near_poor" || out[0]["deprivation_count"] != 1.0 || out[0]["standard"] != "2022-2026" {
		t.Errorf("first result: %v", out[0])
	}
	if d, _ := out[0]["deprived"].([]any); len(d) != 1 || d[0] != "health_insurance" {
		t.Errorf("deprived %v", out[0]["deprived"])
	}
	if ex, _ := out[0]["explanation"].(map[string]any); ex == nil || len(ex["lines"].([]any)) < 4 {
		t.Errorf("explanation missing: %v", out[0]["explanation"])
	}
	if out[4]["id"] != "HD-6" || out[4]["class"] != "near_poor" {
		t.Errorf("last line: %v", out[4])
	}
	for i, field := range map[int]string{2: "members[0].birth_date", 3: "helth_insurance"} {
		e, _ := out[i]["error"].(map[string]any)
		if e == nil || e["code"] != "invalid" || e["field"] != field || e["message"] == "" || e["message_en"] == "" {
			t.Errorf("line %v: error %v, want field %s", out[i]["line"], out[i]["error"], field)
		}
		if _, ok := out[i]["class"]; ok {
			t.Errorf("error line carries a class: %v", out[i])
		}
	}
	el := strings.Split(strings.TrimSpace(errs), "\n")
	if len(el) != 3 || !strings.HasPrefix(el[1], "dòng 4, trường members[0].birth_date: Ngày sinh") || !strings.Contains(el[1], " — line 4, field members[0].birth_date: invalid birth date") {
		t.Errorf("error report:\n%s", errs)
	}
}

// TestClassifyStreamDefaults checks that the area and region options apply to
// households without their own, and that a household's own area wins.
func TestClassifyStreamDefaults(t *testing.T) {
	urban := strings.Replace(streamGood, `"income_12m"`, `"area":"urban","income_12m"`, 1)
	// Without a default area the first line fails; the second has its own.
	failed, out, errs := runStream(t, streamGood+"\n"+urban+"\n", StreamOptions{})
	if failed != 1 || out[0]["error"] == nil || out[1]["area"] != "urban" {
		t.Fatalf("without a default area: failed %d, %v\n%s", failed, out, errs)
	}
	if failed, out, _ = runStream(t, streamGood+"\n"+urban+"\n", StreamOptions{Area: Rural}); failed != 0 || out[0]["area"] != "rural" || out[1]["area"] != "urban" {
		t.Errorf("areas: %v %v", out[0]["area"], out[1]["area"])
	}
	scored := strings.Replace(streamGood, `"income_12m":24000000`, `"score_answers":{"household_size":"2","earners":"1","head_education":"primary","dwelling":"semi_durable","assets":"1","pension":"no"}`, 1)
	failed, out, errs = runStream(t, scored+"\n", StreamOptions{Area: Rural, Region: RegionRedRiverDelta, Card: ExampleScoreCard()})
	if failed != 0 || out[0]["example_card"] != true || out[0]["income_method"] != "score" {
		t.Errorf("score line: %v\n%s", out[0], errs)
	}
}

// TestClassifyStreamLongLine checks that an over-long line is refused and skipped.
func TestClassifyStreamLongLine(t *testing.T) {
	long := `{"id":"` + strings.Repeat("x", 5000) + `"}`
	in := "\xef\xbb\xbf" + streamGood + "\n" + long + "\n" + streamGood + "\n"
	failed, out, _ := runStream(t, in, StreamOptions{Area: Rural, MaxLineBytes: 2000})
	if failed != 1 || len(out) != 3 || out[0]["class"] == nil || out[1]["error"] == nil || out[2]["line"] != 3.0 {
		t.Errorf("failed %d, out %v", failed, out)
	}
}

// TestClassifyStreamCancel checks that a cancelled context stops the stream.
func TestClassifyStreamCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ClassifyStream(ctx, strings.NewReader(streamGood), &bytes.Buffer{}, StreamOptions{Standard: mustStandard(t, "2022-2026"), Area: Rural})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
	_, err = ClassifyStream(context.Background(), strings.NewReader(streamGood), &bytes.Buffer{}, StreamOptions{})
	wantInvalid(t, err, "standard")
}

// TestClassifyStreamTypeError checks that a wrong JSON type is reported with the
// household's field name.
func TestClassifyStreamTypeError(t *testing.T) {
	failed, out, errs := runStream(t, `{"income_12m":"5","members":[{"sex":"male","birth_date":"2000-01-01"}]}`, StreamOptions{Area: Rural})
	e, _ := out[0]["error"].(map[string]any)
	if failed != 1 || e == nil || e["field"] != "income_12m" || !strings.HasPrefix(errs, "dòng 1, trường income_12m: Cần số nguyên, nhận được chuỗi — line 1, field income_12m: expected a whole number") {
		t.Errorf("failed %d, error %v, report %q", failed, e, errs)
	}
}
