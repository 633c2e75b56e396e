// Package review is the pure core of the poverty review workflow of Decision
// 24/2021/QĐ-TTg (quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm): review rounds and
// their dates, one case per household and round, the state machine that moves a case
// from listing or request to the commune chairman's decision, the village-meeting rule,
// the public-posting period in working days with a holiday calendar, deadlines, and the
// household transitions counted in the "diễn biến" (dynamics) reports.
//
// Nothing here touches a database, the network or the clock: every function takes the
// data it needs (including "now") and returns a result, so the rules can be tested
// exhaustively with tables. It imports only the standard library and the root package.
//
// # Using it from a service
//
// A service around this core, for one use case: loads the round and the case; checks
// the actor's scope (giamngheo.RequireScope on Round.CommuneCode); records the step's
// data on the case (Case.Screening, ProposedClass, Votes, PostedOn, FinalClass,
// Reason); calls Next with the actor's role; sets Case.State to the result; and writes
// the case and the audit row in one transaction. Next has no clock, so before the
// decide and ask_district steps the service also checks PostingOver, and a home page
// lists open cases by Overdue and DaysLeft. Allowed gives the buttons to show.
//
// # Design decisions
//
//   - The workflow is a table of steps (workflow.go) with named conditions
//     (condition.go) and a separate table of who may take each action (action.go).
//     testdata/workflow.golden renders both for policy officers.
//   - Who acts: the commune officer records every commune step; the district officer
//     only the district chairman's opinion; province roles supervise and may only
//     record a complaint; agency officers and viewers take no step (see actionRoles).
//   - A wrong role is EFORBIDDEN whatever the state; a wrong step or a failed condition
//     is EINVALID, with a message naming the step in Vietnamese and English.
//   - The district step has two states, district_opinion (waiting for the district)
//     and district_replied (waiting for the commune), so each level has its worklist.
//   - Rounds store their computed dates (EndDate, DecisionDue, the district flag,
//     PostingDays): later configuration changes do not move a round under way.
//
// # Dates
//
// Every date in this package is a civil date (a day, not an instant): only its year,
// month and day count, read in the time value's own location. Dates made here are
// midnight in Vietnam time (UTC+7, see Date). Only Overdue, DaysLeft and PostingOver take
// an instant ("now"); they read today's date in Vietnam time.
//
// # Legal sources
//
// Decision 24/2021/QĐ-TTg (effective 01/09/2021): Art. 3 (timing), Art. 4 (periodic
// review steps), Art. 5 (regular review). Civil Code 2015, Arts. 147-148 (counting
// periods). Labour Code 2019, Arts. 111-112 (holidays). Two-tier local government from
// 01/07/2025 (Resolution 202/2025/QH15; Circular 13/2025/TT-BNNMT) removes the district
// level. Facts marked [U] in /work/shared/reference/regulations.md are not verified
// against the official text; they are configuration (Config, calendar_vn.txt) with the
// best-known default, and the comment next to each one says so.
package review
