package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

// slowUpload starts an upload whose body the test feeds; it returns the writer of
// the file's content and a channel with the response once the body is closed.
func slowUpload(t *testing.T, r *running, c *http.Client) (io.WriteCloser, <-chan *http.Response) {
	t.Helper()
	tok := pageCSRF(t, c, r.URL+"/")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	done := make(chan *http.Response, 1)
	req, _ := http.NewRequest("POST", r.URL+"/import?csrf="+tok, pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	go func() {
		resp, err := c.Do(req)
		if err != nil {
			done <- &http.Response{StatusCode: 0, Body: io.NopCloser(strings.NewReader(err.Error()))}
			return
		}
		done <- resp
	}()
	part, _ := mw.CreateFormFile("file", "cham.csv")
	lines := templateCSV(t)
	fmt.Fprint(part, lines[0]+"\n")
	return &closer{part, mw, pw}, done
}

type closer struct {
	io.Writer
	mw *multipart.Writer
	pw *io.PipeWriter
}

func (c *closer) Close() error { c.mw.Close(); return c.pw.Close() }

// upload posts a whole file and returns the status and the error page's text.
func upload(t *testing.T, r *running, c *http.Client, content []byte) (int, string) {
	t.Helper()
	tok := pageCSRF(t, c, r.URL+"/")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	part, _ := mw.CreateFormFile("file", "ds.csv")
	part.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", r.URL+"/import?csrf="+tok, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestImportUploadLimits: an upload above the cap is refused with a message; a user
// runs one import at a time and the server two; the upload waits in a private file
// of the data directory, and the files a crash left there are removed at start-up
// (issue 10, item 4).
func TestImportUploadLimits(t *testing.T) {
	var dataDir string
	r := MustRunServerWith(t, func(c *Config) {
		c.MaxUploadMB = 1
		dataDir = filepath.Dir(c.DB)
		os.MkdirAll(filepath.Join(dataDir, "tmp"), 0o700)
		os.WriteFile(filepath.Join(dataDir, "tmp", "giamngheo-import-left-by-a-crash.xlsx"), []byte("x"), 0o600)
	}, io.Discard)
	if left, _ := filepath.Glob(filepath.Join(dataDir, "tmp", "giamngheo-*")); len(left) != 0 {
		t.Fatalf("files left by a crash were not removed at start-up: %v", left)
	}
	for _, n := range []string{"xa.mot", "xa.hai", "xa.ba"} {
		r.MustAddUser(t, n, giamngheo.RoleCommuneOfficer, "10507")
	}
	one, two, three := loginClient(t, r.URL, "xa.mot", testPassword), loginClient(t, r.URL, "xa.hai", testPassword), loginClient(t, r.URL, "xa.ba", testPassword)
	for _, c := range []*http.Client{one, two, three} {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	if code, body := upload(t, r, one, bytes.Repeat([]byte("x,"), 1<<20)); code != http.StatusBadRequest || !strings.Contains(body, "quá lớn") {
		t.Fatalf("a 2 MB upload with a 1 MB cap: %d\n%s", code, body)
	}
	w1, done1 := slowUpload(t, r, one)
	// The upload waits in a private file of the data directory.
	var spooled []string
	for i := 0; i < 100 && len(spooled) == 0; i++ {
		time.Sleep(20 * time.Millisecond)
		spooled, _ = filepath.Glob(filepath.Join(dataDir, "tmp", "giamngheo-import-*"))
	}
	if len(spooled) != 1 {
		t.Fatalf("the upload is not spooled in the data directory: %v", spooled)
	}
	if st, err := os.Stat(spooled[0]); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the spooled upload's mode: %v %v, want 0600", st.Mode(), err)
	}
	if code, body := upload(t, r, one, []byte("x")); code != http.StatusConflict || !strings.Contains(body, "chưa xong") {
		t.Fatalf("a second import of the same user: %d\n%s", code, body)
	}
	w2, done2 := slowUpload(t, r, two)
	time.Sleep(200 * time.Millisecond)
	if code, body := upload(t, r, three, []byte("x")); code != http.StatusConflict || !strings.Contains(body, "thử lại sau") {
		t.Fatalf("a third import on the server: %d\n%s", code, body)
	}
	w1.Close()
	w2.Close()
	for _, d := range []<-chan *http.Response{done1, done2} {
		if resp := <-d; resp.StatusCode != http.StatusSeeOther {
			b, _ := io.ReadAll(resp.Body)
			t.Fatalf("a slow upload: %d %s", resp.StatusCode, b)
		}
	}
	// Once they are done, the third user may import.
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := upload(t, r, three, []byte(templateCSV(t)[0]+"\n"))
		if code == http.StatusSeeOther {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server's import slots were not released: %d\n%s", code, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
