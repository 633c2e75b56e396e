// Package importfile reads the household lists commune officers keep in Excel or CSV
// into registry households, one household at a time, and writes the import template
// and the per-row report of what was wrong.
//
// # The template
//
// One row per member, the head of household first; the household columns (Mã hộ,
// Mã xã, Thôn/Tổ dân phố, Địa chỉ, the survey answers …) are repeated on each member
// row, or left blank after the first row of the household (as merged cells leave
// them). Consecutive rows with the same "Mã hộ" form one household; a row whose
// "Mã hộ" is blank continues the household above. Template lists the columns, and
// WriteTemplateXLSX writes the template with an example household and a second sheet
// "Hướng dẫn" describing each column and its allowed values. The columns of an
// existing registry's recognised list (Tình trạng đã công nhận, Số quyết định, Ngày
// quyết định, Số giấy chứng nhận; Column.Recognition) are read into
// Household.Recognised but are in neither the template's list nor exports: only an
// import that asks for them records them (imports.Options.Recognised).
//
// Headers are matched without regard to case, diacritics, spaces and punctuation, and
// a parenthesised note is ignored: "Họ và tên", "Họ tên", "HO TEN" and "Ho_ten" are
// the same column, and the template's "(*)", which marks the required columns, is
// ignored too. A header may be one row or two (group titles merged over the columns
// they group, "Nhà ở" over "Tường", "Cột", "Mái"), with title rows above it and a row
// numbering the columns, "(1) … (n)", under it. Some headers ("Họ và tên chủ hộ",
// "Năm sinh") name a column only when no other header of the file does. Unknown
// columns are reported and skipped; a missing required column stops the import with a
// message naming it and listing the columns found and the header's rows.
//
// The table ends where officers end it: a totals row ("Tổng cộng", "Cộng"), a note,
// the place and date, a signature block ("Người lập biểu", "KT. CHỦ TỊCH"). Those rows
// and the ones after them are ignored and reported (IgnoredIssues), never read as
// members or households, until a row that is plainly a new household's member.
//
// # Reading
//
// Open detects XLSX by its zip signature and reads anything else as CSV (comma or
// semicolon separated, UTF-8 with or without BOM, TCVN3 or VNI, detected on the
// first rows with vntext.Detect). A Unicode file is then read cell by cell
// (vntext.DecodeCell): text pasted from an old .VnTime (TCVN3) or VNI document is
// decoded, with a warning naming the cells; a cell whose encoding cannot be decided is
// an error on its row, never stored garbled; a closed-list answer ("Cã", "Kh«ng") is
// read in the encoding that makes it an allowed value. Both are streamed: memory does not grow with the
// file (an XLSX upload is spooled to a temporary file, since a zip needs random
// access, and excelize's row iterator reads the sheet from there).
//
// Next returns each household with the issues found in its rows. An issue names the
// file, row and column; its Severity is "error" when the household must not be stored
// as read, "warning" when it may. The caller chooses between all-or-nothing and
// skipping invalid households.
package importfile
