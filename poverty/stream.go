package poverty

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"giamngheo"
)

// StreamOptions are the settings of ClassifyStream that apply to every line.
type StreamOptions struct {
	// Standard is the standard applied (required).
	Standard *Standard
	// Date is the reference date of the review.
	Date time.Time
	// Area is the area of households that do not set their own.
	Area Area
	// Region is the region of households that do not set their own (for the B1 card).
	Region Region
	// Card is the B1 score card, or nil.
	Card *ScoreCard
	// Errors receives one message per bad line (Vietnamese, then English); may be nil.
	Errors io.Writer
	// MaxLineBytes bounds one input line; 0 means 1 MiB.
	MaxLineBytes int
}

// streamRecord is one output line: the result, or the error of a bad line.
type streamRecord struct {
	Line int    `json:"line"`
	ID   string `json:"id,omitempty"`
	*Result
	Error *streamError `json:"error,omitempty"`
}

type streamError struct {
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

// streamInput is one input line: a household with an optional code of the caller's,
// echoed in the output.
type streamInput struct {
	ID string `json:"id"`
	Household
}

// ClassifyStream reads households as JSON lines from r (one household with its
// members per line; blank lines are skipped) and writes one JSON result per line to w,
// with its explanation. A bad line is written as an object with an "error" field,
// reported to opts.Errors, and counted in failed; the stream goes on with the next
// line. err is set only when reading, writing or ctx fails.
func ClassifyStream(ctx context.Context, r io.Reader, w io.Writer, opts StreamOptions) (failed int, err error) {
	if opts.Standard == nil {
		return 0, invalid("standard", "Chưa chọn chuẩn nghèo", "no standard is selected")
	}
	max := opts.MaxLineBytes
	if max <= 0 {
		max = 1 << 20
	}
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var buf []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			bw.Flush() // keep the results written so far
			return failed, err
		}
		line, tooLong, rerr := readLine(br, max, buf[:0])
		buf = line
		if rerr != nil && rerr != io.EOF {
			bw.Flush()
			return failed, rerr
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // UTF-8 byte-order mark
		}
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			rec := classifyLine(line, tooLong, max, n, &opts)
			if rec.Error != nil {
				failed++
				if opts.Errors != nil {
					fmt.Fprintf(opts.Errors, "dòng %d%s: %s — line %d%s: %s\n",
						n, fieldVI(rec.Error.Field), rec.Error.Message, n, fieldEN(rec.Error.Field), rec.Error.MessageEN)
				}
			}
			if err := enc.Encode(rec); err != nil {
				return failed, err
			}
		}
		if rerr == io.EOF {
			return failed, bw.Flush()
		}
	}
}

func fieldVI(f string) string {
	if f == "" {
		return ""
	}
	return ", trường " + f
}

func fieldEN(f string) string {
	if f == "" {
		return ""
	}
	return ", field " + f
}

// classifyLine decodes, validates, classifies and explains one line.
func classifyLine(line []byte, tooLong bool, max, n int, opts *StreamOptions) streamRecord {
	rec := streamRecord{Line: n}
	if tooLong {
		rec.Error = toStreamError(invalid("", "Dòng dài quá %d byte", "line longer than %d bytes", max))
		return rec
	}
	var in streamInput
	if err := decodeJSON(line, &in); err != nil {
		rec.Error = toStreamError(err)
		return rec
	}
	rec.ID = in.ID
	h := &in.Household
	if h.Region == "" {
		h.Region = opts.Region
	}
	r, err := ClassifyExplained(h, opts.Standard, opts.Area, opts.Date, opts.Card)
	if err != nil {
		rec.Error = toStreamError(err)
		return rec
	}
	rec.Result = &r
	return rec
}

func toStreamError(err error) *streamError {
	var e *giamngheo.Error
	if errors.As(err, &e) {
		return &streamError{Code: e.Code, Field: e.Field, Message: e.Message, MessageEN: giamngheo.ErrorMessageEN(e)}
	}
	return &streamError{Code: giamngheo.EINTERNAL, Message: giamngheo.ErrorMessage(err), MessageEN: giamngheo.ErrorMessageEN(err)}
}

// readLine reads one line (without its end-of-line bytes) into buf. A line longer than
// max is consumed and reported as tooLong. err is io.EOF after the last line.
func readLine(br *bufio.Reader, max int, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+2 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		if !tooLong && len(buf) > max {
			tooLong, buf = true, buf[:0]
		}
		return buf, tooLong, err
	}
}
