// Package jobs is the job exchange of the plan's third activity area ("người tìm việc
// – việc tìm người"): job seekers, many from poor, near-poor and newly escaped
// households, vacancies of employers, the matching of the two with its reasons,
// referrals, interviews and placements. A placement changes the member's employment
// answer in the registry (through the registry service, so the household's history
// shows it) and is recorded as support of the labour agency (support.Service).
//
// Priority for workers of poor, near-poor and newly escaped households and for
// low-income workers: Decree 30/2025/NĐ-CP (amending Decree 07/2021/NĐ-CP) and the
// plan's activity area 3 (issue 18).
package jobs
