// Package vntext holds the Vietnamese text primitives the rest of the system leans
// on: Unicode normalisation and clean-up of what officers type (NFC, Clean), search
// keys without diacritics (Fold), decoding of the legacy 8-bit encodings still found
// in commune spreadsheets (TCVN3/ABC and VNI-Windows: DecodeTCVN3, DecodeVNI,
// Detect, ToUnicode) and the order of Vietnamese name lists (NameKey, CompareNames).
//
// Everything here is pure: no I/O, no clock, no global state beyond read-only tables
// built at start-up.
package vntext
