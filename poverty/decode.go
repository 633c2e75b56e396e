package poverty

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"giamngheo"
)

// DecodeHousehold reads one household in JSON (the format of docs/classify.md) and
// validates it. Unknown fields are rejected, so that a misspelt answer is not read as
// "not answered". Every error is a *giamngheo.Error with code EINVALID and, where
// there is one, the field at fault.
func DecodeHousehold(data []byte) (*Household, error) {
	var h Household
	if err := decodeJSON(data, &h); err != nil {
		return nil, err
	}
	if err := h.Validate(); err != nil {
		return nil, err
	}
	return &h, nil
}

// maxDocument bounds a standard or score card read from an io.Reader.
const maxDocument = 16 << 20

// decodeReader reads one JSON document of at most maxDocument bytes into v.
func decodeReader(r io.Reader, v any) error {
	b, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return invalid("", "Không đọc được dữ liệu: %v", "cannot read the data: %v", err)
	}
	if len(b) > maxDocument {
		return invalid("", "Tệp quá lớn (tối đa %d byte)", "file too large (at most %d bytes)", maxDocument)
	}
	return decodeJSON(b, v)
}

// decodeJSON reads exactly one JSON value from data into v, rejecting unknown fields
// and trailing data, and turns every failure into an EINVALID error.
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return invalid("", "Có dữ liệu thừa sau đối tượng JSON", "unexpected data after the JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var (
		ae *giamngheo.Error
		se *json.SyntaxError
		te *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, io.EOF):
		return invalid("", "Dữ liệu rỗng: cần một đối tượng JSON", "empty input: a JSON object is expected")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("", "JSON bị cắt cụt (thiếu dấu đóng)", "truncated JSON (missing closing bracket or quote)")
	case errors.As(err, &se):
		return invalid("", "JSON không hợp lệ tại byte %d: %s", "invalid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		vi, en := kindName(te.Type)
		// The stream embeds Household in its line type; its Go name is not a field.
		field := strings.TrimPrefix(te.Field, "Household.")
		return invalidMsg(field, fmt.Sprintf("Cần %s, nhận được %s", vi, valueVI(te.Value)), fmt.Sprintf("expected %s, got %s", en, te.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f, uerr := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		if uerr != nil {
			f = strings.TrimPrefix(err.Error(), "json: unknown field ")
		}
		return invalid(f, "Trường %q không được hỗ trợ (kiểm tra chính tả)", "unsupported field %q (check the spelling)", f)
	}
	return invalid("", "JSON không hợp lệ: %s", "invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// kindName names the JSON shape expected for Go type t, in Vietnamese and English.
func kindName(t reflect.Type) (string, string) {
	if t == nil {
		return "giá trị", "a value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true hoặc false", "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "số nguyên", "a whole number"
	case reflect.Float32, reflect.Float64:
		return "số", "a number"
	case reflect.String:
		return "chuỗi", "a string"
	case reflect.Slice, reflect.Array:
		return "danh sách", "a list"
	}
	return "đối tượng", "an object"
}

// valueVI translates the kind of JSON value encoding/json reports ("string", "number
// 1.5e7", "array" …) for the Vietnamese message.
func valueVI(v string) string {
	kind, rest, _ := strings.Cut(v, " ")
	words := map[string]string{"string": "chuỗi", "number": "số", "bool": "true/false", "array": "danh sách", "object": "đối tượng"}
	if w, ok := words[kind]; ok {
		return strings.TrimSpace(w + " " + rest)
	}
	return v
}
