package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"giamngheo"
	"giamngheo/poverty"
)

const classifyUsage = `giamngheo classify — phân loại hộ theo chuẩn nghèo đa chiều / classify households

Cách dùng / Usage:
  giamngheo classify [--standard ID | --date YYYY-MM-DD] [--standards-file F] [--card F|example]
                     [--area rural|urban] [--region R] < households.jsonl > results.jsonl

Đọc mỗi dòng một hộ (JSON) từ stdin, ghi mỗi dòng một kết quả (JSON) ra stdout.
Reads one household per line (JSON) on stdin, writes one result per line (JSON) on stdout.
Định dạng / Format: docs/classify.md

Tham số / Flags:
`

// runClassify is the "classify" subcommand: a thin wrapper that reads the flags,
// resolves the standard and the score card, and runs poverty.ClassifyStream. It returns
// an error (exit code 1) when any line failed; each bad line is reported on stderr and
// in the output as it comes.
func runClassify(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	stdID := fs.String("standard", "", "mã chuẩn nghèo (2022-2026, 2027-2030, hoặc mã chuẩn trong --standards-file) / standard id")
	dateText := fs.String("date", "", "ngày tham chiếu NNNN-TT-NN, mặc định hôm nay; chọn chuẩn đang áp dụng nếu không có --standard / reference date, default today; picks the standard in force unless --standard is given")
	stdFile := fs.String("standards-file", "", "tệp JSON chuẩn nghèo địa phương, ưu tiên hơn chuẩn quốc gia / JSON file of a local standard, preferred to the national one")
	cardFile := fs.String("card", "", "tệp JSON bảng điểm B1, hoặc \"example\" cho bảng điểm ví dụ không chính thức / B1 score card JSON file, or \"example\" for the unofficial example card")
	area := fs.String("area", "", "khu vực của xã khi hộ không ghi: rural hoặc urban / area for households that do not set one")
	region := fs.String("region", "", "vùng kinh tế - xã hội cho bảng điểm B1 (vd. red_river_delta) / socio-economic region for the B1 card")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printClassifyUsage(stdout, fs)
			return nil
		}
		printClassifyUsage(stderr, fs)
		return giamngheo.Errorf(giamngheo.EINVALID, "Tham số không hợp lệ: %v", "invalid arguments: %v", err)
	}
	if fs.NArg() > 0 {
		printClassifyUsage(stderr, fs)
		return giamngheo.Errorf(giamngheo.EINVALID, "Tham số thừa: %v", "unexpected arguments: %v", fs.Args())
	}

	ref := poverty.DateOf(clockOf(ctx)())
	if *dateText != "" {
		d, err := poverty.ParseDate(*dateText)
		if err != nil {
			return err
		}
		ref = d
	}
	opts := poverty.StreamOptions{Date: ref.Time(), Area: poverty.Area(*area), Region: poverty.Region(*region), Errors: stderr}
	if *area != "" && !opts.Area.Valid() {
		return giamngheo.Errorf(giamngheo.EINVALID, "--area phải là rural hoặc urban, không phải %q", "--area must be rural or urban, not %q", *area)
	}

	standards := poverty.Standards()
	if *stdFile != "" {
		s, err := loadFile(*stdFile, poverty.LoadStandard)
		if err != nil {
			return err
		}
		standards = append(standards, s)
	}
	var err error
	if *stdID != "" {
		opts.Standard, err = standards.ByID(*stdID)
	} else {
		opts.Standard, err = standards.InForce(opts.Date)
	}
	if err != nil {
		return err
	}

	switch *cardFile {
	case "":
	case "example":
		opts.Card = poverty.ExampleScoreCard()
	default:
		if opts.Card, err = loadFile(*cardFile, poverty.LoadScoreCard); err != nil {
			return err
		}
	}
	if opts.Card != nil && !opts.Card.AppliesTo(opts.Standard) {
		return giamngheo.Errorf(giamngheo.EINVALID, "Bảng điểm %s không dùng cho chuẩn %s", "score card %s does not belong to standard %s", opts.Card.ID, opts.Standard.ID)
	}

	failed, err := poverty.ClassifyStream(ctx, stdin, stdout, opts)
	if err != nil {
		return err
	}
	if failed > 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "%d dòng không phân loại được (xem các dòng có trường \"error\")", "%d lines could not be classified (see the lines with an \"error\" field)", failed)
	}
	return nil
}

// loadFile opens name and reads it with load, naming the file in errors.
func loadFile[T any](name string, load func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp %s: %v", "cannot open file %s: %v", name, err)
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		var e *giamngheo.Error
		if errors.As(err, &e) {
			return zero, &giamngheo.Error{Code: e.Code, Field: e.Field,
				Message:   fmt.Sprintf("Tệp %s: %s", name, e.Message),
				MessageEN: fmt.Sprintf("file %s: %s", name, giamngheo.ErrorMessageEN(e))}
		}
		return zero, err
	}
	return v, nil
}

func printClassifyUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, classifyUsage)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}
