// Package demo generates realistic, entirely SYNTHETIC households for demonstrations
// and load tests: names, families, national ID numbers, addresses and Phiếu B survey
// answers whose poverty classification reproduces published poverty rates.
//
// No real person's data is used or can be produced on purpose. Every person is drawn
// from made-up distributions (documented as synthetic where they are defined); national
// ID numbers follow the structure of the real scheme with random serial digits, so a
// number may coincide with a real one by chance but never carries a real person's data.
// Phone numbers are left empty for the same reason.
//
// Generation is pure and deterministic: the same Config (including Seed) gives the
// same households in the same order, byte for byte. Households are produced one at a
// time (Generator.Households), so a country of 27 million households streams in
// constant memory.
//
// Calibration works by construction, not by trial and error: each household first
// gets a latent target class (poor, near-poor, neither) drawn from the rate of its
// commune, which is derived from published province, district and regional rates; its
// answers are then generated to make that class true under the standard in force
// (income at or below the line or above it, and a number of deprivations at or above
// the poor threshold or below it). See README.md for the model and the measured
// results.
package demo
