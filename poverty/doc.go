// Package poverty holds the national multidimensional poverty standards as versioned
// data and the pure rules that classify a household with them: the deprivation
// indicators computed from the answers of the household survey (Phiếu B), the income
// test (measured income or the B1 score card), the classes poor / near-poor / middle
// living standard / not poor, the low-income-worker status of members, and a bilingual
// explanation of every result.
//
// The package imports only the standard library and the root package giamngheo. It does
// no I/O except decoding JSON from byte slices and io.Readers handed to it.
//
// # Unknown answers
//
// A survey answer the enumerator did not record is "unknown", never silently "no":
// nullable answers are pointers (*bool, *int64, *float64) or enum strings whose zero
// value "" means not answered, so that JSON null or an absent key, SQL NULL and an empty
// CSV cell all mean the same thing. An indicator that cannot be decided because an
// answer it needs is unknown is counted as not deprived, listed in Result.Unknown and
// named in the explanation; if the class would change had those indicators been
// deprived, Result.Provisional is set. Two kinds of fields are plain booleans whose zero
// value is false: facts the commune holds on its own lists (farm_household,
// disability_allowance). Structural fields (members, sex, birth_date) are required.
//
// # Rules and sources
//
// Every rule taken from a legal text cites it next to the code. Thresholds are data in
// the standard (standards/*.json); those the project could not verify in the official
// text (marked [U] in shared/reference/regulations.md) are listed in Standard.Notes as
// "uncertain, configurable".
package poverty
