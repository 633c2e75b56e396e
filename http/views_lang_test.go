package http

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Every page parsed with its texts written in renders as the page as written, in both
// languages, as far as a view without page data renders (up to the first field of the
// page's data).
func TestLanguageTemplatesMatch(t *testing.T) {
	v, err := parseViews()
	if err != nil {
		t.Fatal(err)
	}
	render := func(name string, lang string, written bool) (string, string) {
		tpl := v.pages[name]
		if !written {
			tpl = v.byLang[lang][name]
		}
		var buf bytes.Buffer
		err := tpl.Execute(&buf, &view{Lang: lang, CSRF: "tok", Path: "/households", Printed: "07/12/2026",
			User: &userView{Username: "a", Name: "Nguyễn Văn A", Role: "x", Scope: "Hải Phòng", Admin: true}})
		return buf.String(), fmt.Sprint(err)
	}
	long := 0
	for _, name := range pageNames {
		for _, lang := range []string{"vi", "en"} {
			want, wantErr := render(name, lang, true)
			got, gotErr := render(name, lang, false)
			if got != want {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Fatalf("%s (%s): differs at byte %d:\nwritten: %q\nin language: %q", name, lang, i, want[i:min(len(want), i+120)], got[i:min(len(got), i+120)])
			}
			// The error, if any, names the template and position: the same action.
			if (wantErr == "<nil>") != (gotErr == "<nil>") {
				t.Fatalf("%s (%s): error %s, as written %s", name, lang, gotErr, wantErr)
			}
			if len(want) > 2000 {
				long++
			}
		}
	}
	// The check compares pages, not only their first lines.
	if long < len(pageNames)/2 {
		t.Fatalf("only %d renderings longer than 2,000 bytes", long)
	}
	if inLanguage(`<b title="{{.T "Hộ \"A\" & B+" "x"}}">{{$.T "a" "Tom's <b>"}}</b>`, "en") != `<b title="x">Tom&#39;s &lt;b&gt;</b>` {
		t.Fatal(inLanguage(`<b title="{{.T "Hộ \"A\" & B+" "x"}}">{{$.T "a" "Tom's <b>"}}</b>`, "en"))
	}
	if got := inLanguage(`{{.T "Hộ \"A\" & B+" "x"}}`, "vi"); got != `Hộ &#34;A&#34; &amp; B&#43;` {
		t.Fatal(got)
	}
	if strings.Contains(inLanguage(`{{.T "{{x}}" "y"}}`, "vi"), "x") != true {
		t.Fatal("an action in a text is kept as an action")
	}
}
