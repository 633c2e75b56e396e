package store

import (
	"context"
	"strings"
)

// Word pairs (issue 13 item 8, ADR 0015). A search by a head's name is a phrase of
// common words ("tran thi hoa"): "thi" is in most households of a province and "tran"
// in one of five, and a phrase of them read both lists of the full-text index (SQLite
// FTS5), or rechecked every household holding the three words (PostgreSQL GIN keeps
// no positions), for a few hundred matches. households.search therefore also holds
// every two adjacent words with a letter (isLettered) of the search text as one word, joined by
// pairSep ("tran0thi thi0hoa"), and a phrase of two such words or more is
// searched as the phrase of its pairs: their lists are short. Where a number (a
// national ID, a code) sits between two runs of words, pairBreak
// keeps the runs' pairs apart, so that the pairs' phrase matches exactly where the
// words' phrase does.
const (
	pairSep   = "0"
	pairBreak = "0"
)

// indexText is the value of households.search for the folded search text
// (registry.SearchText): the text, then its pairs.
func indexText(text string) string {
	words := searchWords(text)
	var b strings.Builder
	b.Grow(2 * len(text))
	b.WriteString(text)
	pending, wrote := false, false
	for i := 0; i+1 < len(words); i++ {
		if !isLettered(words[i]) || !isLettered(words[i+1]) {
			pending = wrote
			continue
		}
		if pending {
			b.WriteString(" " + pairBreak)
			pending = false
		}
		b.WriteString(" " + words[i] + pairSep + words[i+1])
		wrote = true
	}
	return b.String()
}

// searchPairs is the phrase of pairs that a search of words is (nil when it is not
// one: fewer than two words, or a number). The last pair ends with the
// last word, a prefix.
func searchPairs(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	pairs := make([]string, 0, len(words)-1)
	for i := 0; i+1 < len(words); i++ {
		if !isLettered(words[i]) || !isLettered(words[i+1]) {
			return nil
		}
		pairs = append(pairs, words[i]+pairSep+words[i+1])
	}
	return pairs
}

// isPairWord tells a pair of the index from a word of the text: a word with a letter
// on both sides of a pairSep.
func isPairWord(w string) bool {
	for i := 1; i < len(w)-1; i++ {
		if w[i:i+1] == pairSep && isLettered(w[:i]) && isLettered(w[i+1:]) {
			return true
		}
	}
	return false
}

// isLettered: a word with a letter, which pairs join (searchWords makes words of a–z
// and 0–9; numbers, the national IDs and codes, are searched through their own
// indexes). A name's word may hold digits ("Số1"): two pairs could then read the
// same ("so10"+"tran", "so1"+"0tran"), which no name of a real register does.
func isLettered(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return true
		}
	}
	return false
}

// backfillSearchPairs adds the pairs to the search text of the households stored
// before migration 0026, a page of ids at a time.
func (db *DB) backfillSearchPairs(ctx context.Context) error {
	tx := txFrom(ctx)
	var after int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, search FROM households WHERE id > $1 ORDER BY id LIMIT 2000`, after)
		if err != nil {
			return err
		}
		type row struct {
			id     int64
			search string
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.search); err != nil {
				rows.Close()
				return err
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			if _, err := tx.ExecContext(ctx, `UPDATE households SET search = $1 WHERE id = $2`, indexText(r.search), r.id); err != nil {
				return err
			}
		}
		after = page[len(page)-1].id
	}
}
