// Package review is the pure core of the poverty review workflow of Decision
// 24/2021/QĐ-TTg (quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm): review rounds and
// their dates, one case per household and round, the state machine that moves a case
// from listing or request to the commune chairman's decision, the village-meeting rule,
// the public-posting period in working days with a holiday calendar, deadlines, and the
// household transitions counted in the "diễn biến" (dynamics) reports.
//
// Nothing here touches a database, the network or the clock: every function takes the
// data it needs (including "now") and returns a result, so the rules can be tested
// exhaustively with tables. A service around this core loads and stores rounds and
// cases, checks the actor's scope, calls Next, and writes the audit row.
//
// Dates. Every date in this package is a civil date (a day, not an instant): only its
// year, month and day count, read in the time value's own location. Dates made here are
// midnight in Vietnam time (UTC+7, see Date). Only Overdue, DaysLeft and PostingOver take
// an instant ("now"); they read today's date in Vietnam time.
//
// Legal sources. Decision 24/2021/QĐ-TTg (effective 01/09/2021): Art. 3 (timing),
// Art. 4 (periodic review steps), Art. 5 (regular review). Two-tier local government
// from 01/07/2025 (Resolution 202/2025/QH15; Circular 13/2025/TT-BNNMT) removes the
// district level. Facts marked [U] in /work/shared/reference/regulations.md are not
// verified against the official text; they are configuration (Config, Calendar data)
// with the best-known default, and the comment next to each one says so.
package review
