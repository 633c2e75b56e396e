package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"giamngheo"
	"giamngheo/poverty"
)

// maxClassifyBody bounds one calculator request.
const maxClassifyBody = 32 << 20

// routesClassify mounts the poverty calculator: POST /api/v1/classify takes one
// household (JSON object), a JSON array of households, or JSON lines
// (application/x-ndjson), in the format of docs/classify.md, and answers the results
// with their explanations. Query: standard, date, area, region, card=example.
func (s *Server) routesClassify(mux router) {
	mux.HandleFunc("POST /api/v1/classify", s.requireUser(s.apiClassify))
}

func (s *Server) apiClassify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ref := s.Today()
	if d := q.Get("date"); d != "" {
		t, err := parseDate(d)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		ref = t
	}
	opts := poverty.StreamOptions{Date: time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC),
		Area: poverty.Area(q.Get("area")), Region: poverty.Region(q.Get("region"))}
	if opts.Area != "" && !opts.Area.Valid() {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "area phải là rural hoặc urban.", "area must be rural or urban."))
		return
	}
	var err error
	if id := q.Get("standard"); id != "" {
		opts.Standard, err = poverty.StandardByID(id)
	} else {
		opts.Standard, err = poverty.StandardInForce(opts.Date)
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if q.Get("card") == "example" {
		opts.Card = poverty.ExampleScoreCard()
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxClassifyBody+1))
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Không đọc được nội dung yêu cầu.", "Cannot read the request body."))
		return
	}
	if len(body) > maxClassifyBody {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Yêu cầu quá lớn (tối đa 32 MB); dùng lệnh giamngheo classify cho tệp lớn.",
			"Request too large (32 MB at most); use the giamngheo classify command for large files."))
		return
	}
	lines, shape, err := toJSONLines(body)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var out bytes.Buffer
	failed, err := poverty.ClassifyStream(r.Context(), bytes.NewReader(lines), &out, opts)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// A household that could not be classified makes the answer 400, with every
	// result in the body and the bad ones carrying their "error" (field and messages).
	status := http.StatusOK
	if failed > 0 {
		status = http.StatusBadRequest
	}
	if shape == "lines" {
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		w.WriteHeader(status)
		w.Write(out.Bytes())
		return
	}
	results := []json.RawMessage{}
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		results = append(results, append(json.RawMessage(nil), sc.Bytes()...))
	}
	if shape == "object" && len(results) == 1 {
		writeJSON(w, status, results[0])
		return
	}
	writeJSON(w, status, map[string]any{"standard": opts.Standard.ID, "failed": failed, "results": results})
}

// toJSONLines turns a JSON object, a JSON array or JSON lines into JSON lines.
func toJSONLines(body []byte) ([]byte, string, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, "", giamngheo.Errorf(giamngheo.EINVALID, "Nội dung yêu cầu rỗng: gửi một hộ (JSON) hoặc danh sách hộ.", "Empty request: send one household (JSON) or a list.")
	}
	var buf bytes.Buffer
	switch {
	case trimmed[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, "", giamngheo.Errorf(giamngheo.EINVALID, "Danh sách hộ không phải JSON hợp lệ: %v", "The list of households is not valid JSON: %v", err)
		}
		for _, it := range items {
			if err := json.Compact(&buf, it); err != nil {
				return nil, "", err
			}
			buf.WriteByte('\n')
		}
		return buf.Bytes(), "array", nil
	case json.Valid(trimmed):
		if err := json.Compact(&buf, trimmed); err != nil {
			return nil, "", err
		}
		buf.WriteByte('\n')
		return buf.Bytes(), "object", nil
	}
	return trimmed, "lines", nil
}
