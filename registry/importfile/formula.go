package importfile

// A CSV file opened in a spreadsheet runs a cell that begins with =, +, -, @, a tab or
// a carriage return as a formula (OWASP, "CSV Injection"): a name typed as
// =HYPERLINK(…) in a form would become a live link, or worse a command (DDE), on the
// computer of whoever opens an export. The CSV writer therefore prefixes such a cell
// with an apostrophe, which spreadsheets read as "text follows" and do not show, and
// the CSV reader removes that apostrophe again, so that an export imports back as it
// was (a value that itself begins with apostrophes before such a character gets one
// more, so it too comes back as it was). Negative numbers are left alone (an income of
// -1500000 stays a number): they cannot hold a formula. A cell typed by hand as '=x
// in a file to import is read as =x. The workbook writer needs
// none of this: it writes every cell as a string, never as a formula.

// formulaStart reports whether a spreadsheet would read a cell starting with c as a
// formula.
func formulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}

// Neutralise returns s as it is safe to write in a CSV cell: prefixed with an
// apostrophe when it would start a formula and is not a plain number.
func Neutralise(s string) string {
	if !quotedFormula(s) && (s == "" || !formulaStart(s[0]) || negativeNumber(s)) {
		return s
	}
	return "'" + s
}

// unneutralise undoes Neutralise on a cell read from a CSV file.
func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && (formulaStart(s[1]) || quotedFormula(s[1:])) {
		return s[1:]
	}
	return s
}

// quotedFormula reports whether s is one or more apostrophes then a formula start.
func quotedFormula(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	return i > 0 && i < len(s) && formulaStart(s[i])
}

// negativeNumber reports whether s is a minus sign then digits with at most one
// decimal point or comma (-1500000, -45,5).
func negativeNumber(s string) bool {
	if s[0] != '-' {
		return false
	}
	s = s[1:]
	digits, sep := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && !sep && digits > 0 && i < len(s)-1:
			sep = true
		default:
			return false
		}
	}
	return digits > 0
}
