// Package registry holds the household registry: households with their address and
// members, the survey answers (Phiếu B) the poverty rules read, and the checks made
// on national ID numbers. It is pure domain code: the SQL stores implement Store, and
// the import of officers' spreadsheets lives in registry/importfile.
package registry
