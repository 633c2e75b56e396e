package http

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// Each page is also parsed once per language with its texts written in (issue 13 item
// 8): an action {{.T "vi" "en"}} is a method call through reflection and an escaping
// on every page, a hundred per page, about a third of the cost of rendering a list.
// Such an action with two quoted literals becomes the text of the language, escaped
// as html/template escapes it in text and in quoted attributes, the only places the
// templates call T (TestLanguageTemplatesMatch renders every page both ways).

// tAction is {{.T "…" "…"}} or {{$.T …}} / {{$v.T …}} with two string literals.
var tAction = regexp.MustCompile(`\{\{\$?[A-Za-z0-9_]*\.T\s+("(?:[^"\\]|\\.)*")\s+("(?:[^"\\]|\\.)*")\s*\}\}`)

// htmlText escapes as html/template's HTML escaper does (htmlReplacementTable).
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// inLanguage writes the texts of lang into the T actions of a template's source.
func inLanguage(src, lang string) string {
	return tAction.ReplaceAllStringFunc(src, func(action string) string {
		m := tAction.FindStringSubmatch(action)
		vi, err1 := strconv.Unquote(m[1])
		en, err2 := strconv.Unquote(m[2])
		if err1 != nil || err2 != nil {
			return action
		}
		s := vi
		if lang == "en" {
			s = en
		}
		out := htmlText.Replace(s)
		if strings.Contains(out, "{{") || strings.Contains(out, "}}") {
			return action
		}
		return out
	})
}

// parseLanguages parses each page once per language (inLanguage).
func parseLanguages(funcs template.FuncMap) (map[string]map[string]*template.Template, error) {
	layout, err := templateFS.ReadFile("templates/layout.html")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]*template.Template{}
	for _, lang := range []string{"vi", "en"} {
		out[lang] = map[string]*template.Template{}
		for _, name := range pageNames {
			page, err := templateFS.ReadFile("templates/" + name + ".html")
			if err != nil {
				return nil, err
			}
			t, err := template.New("layout.html").Funcs(funcs).Parse(inLanguage(string(layout), lang))
			if err == nil {
				_, err = t.New(name + ".html").Parse(inLanguage(string(page), lang))
			}
			if err != nil {
				return nil, fmt.Errorf("parse template %s (%s): %w", name, lang, err)
			}
			out[lang][name] = t
		}
	}
	return out, nil
}

// page is the template of page name in lang: the one parsed in that language, or the
// page as written.
func (v *views) page(name, lang string) (*template.Template, bool) {
	if t, ok := v.byLang[lang][name]; ok {
		return t, true
	}
	t, ok := v.pages[name]
	return t, ok
}
