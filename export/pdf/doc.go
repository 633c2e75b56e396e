// Package pdf renders the printed documents of the review procedure of Decision
// 24/2021/QĐ-TTg (Art. 4; regulations.md §3.4–3.7) as PDF: the public posting list,
// the village meeting minutes, the commune chairman's recognition decision and the
// poor/near-poor household certificate.
//
// Each document is written by a WriteX(w, doc) function from a plain view struct of
// this package, so the package depends on no domain package: the web handler and the
// CLI fill the struct from whatever they hold and share the encoder.
//
// The DejaVu Sans font (regular and bold) is embedded in the binary and subset into
// every document, with a ToUnicode map, so Vietnamese text prints with its diacritics
// and can be copied or extracted (pdftotext) from the file. No font is read from the
// file system at run time: the product runs on closed government networks.
//
// Dates and times are printed as they are given, in their own location: pass them
// in Vietnam's time (UTC+7). User text is composed to NFC; a character the fonts
// cannot draw prints as "?".
//
// The encoders write to an io.Writer, but fpdf builds the whole document in memory
// before Output, so memory grows with the number of pages (a 1,000-household list is a
// few dozen pages; see BenchmarkWritePostingList).
package pdf
