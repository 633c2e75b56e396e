package portal

import (
	_ "embed"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"giamngheo"
)

// Office is a place that helps poor and near-poor households, with its contacts: the
// province configures them (--public-content), the site shows them.
type Office struct {
	Kind    string `json:"kind"` // legal_aid, social_policy_bank, job_centre, other
	Name    string `json:"name"`
	NameEN  string `json:"name_en"`
	Help    string `json:"help"`
	HelpEN  string `json:"help_en"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
	Email   string `json:"email"`
	Web     string `json:"web"`
	Hours   string `json:"hours"`
}

// Document is a policy document offered for download: a file of the public files
// directory (--public-files) or, without a file, the reference of the text.
type Document struct {
	Number  string `json:"number"` // "07/2021/NĐ-CP"
	Title   string `json:"title"`
	TitleEN string `json:"title_en"`
	Date    string `json:"date"` // dd/mm/yyyy as issued
	File    string `json:"file"` // a file name in the public files directory, or ""
}

// Content is the configurable part of the public site.
type Content struct {
	// Configured is false for the embedded defaults: the page then says that the
	// province has not entered its offices' contacts yet.
	Configured bool       `json:"-"`
	Offices    []Office   `json:"offices"`
	Documents  []Document `json:"documents"`
}

//go:embed content.json
var defaultContent []byte

// DefaultContent is the embedded content: the kinds of office without contacts (no
// contact is invented) and the references of the programme's legal texts.
func DefaultContent() *Content {
	c, err := ReadContent(strings.NewReader(string(defaultContent)))
	if err != nil {
		panic("portal: embedded content.json: " + err.Error()) // caught by the tests
	}
	c.Configured = false
	return c
}

// ReadContent reads a content file (JSON, the shape of content.json).
func ReadContent(r io.Reader) (*Content, error) {
	c := &Content{Configured: true}
	d := json.NewDecoder(r)
	d.DisallowUnknownFields()
	if err := d.Decode(c); err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Tệp nội dung trang công khai không đúng: %v", "The public site's content file is invalid: %v", err)
	}
	for _, doc := range c.Documents {
		if doc.File != "" && (doc.File != filepath.Base(doc.File) || strings.HasPrefix(doc.File, ".")) {
			return nil, giamngheo.Errorf(giamngheo.EINVALID, "Tên tệp văn bản %q phải là tên tệp trong thư mục tệp công khai.", "Document file %q must be a plain file name of the public files directory.", doc.File)
		}
	}
	return c, nil
}

// LoadContent reads the content file at path ("" for the defaults).
func LoadContent(path string) (*Content, error) {
	if path == "" {
		return DefaultContent(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp nội dung %s: %v", "Cannot open the content file %s: %v", path, err)
	}
	defer f.Close()
	return ReadContent(f)
}
