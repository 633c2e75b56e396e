// Package plan is the programme itself: a province's yearly plan for the National
// Target Program for Sustainable Poverty Reduction (its legal bases, objectives,
// targets, activity areas with their lead and coordinating agencies, budget lines),
// the figures agencies enter with their evidence, their progress reports due before
// 20 November, and each target against its actual, computed live from the registry
// and the support records wherever it can be.
package plan
