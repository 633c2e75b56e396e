package store

import (
	"context"
	"slices"
	"strings"
)

// Word pairs and triples (issue 13 item 8, ADR 0015, ADR 0017). A search by a head's
// name is a phrase of common words ("tran thi hoa"): "thi" is in most households of a
// province and "tran" in one of five, and a phrase of them read both lists of the
// full-text index (SQLite FTS5), or rechecked every household holding the three words
// (PostgreSQL GIN keeps no positions), for a few hundred matches. households.search
// therefore also holds, after the text, every two adjacent words of the text that
// have a letter (isLettered) as one word joined by gramSep ("tran0thi thi0hoa"), then
// every three ("tran0thi0hoa"). A search of two words is one pair, a search of three
// words or more the phrase of its triples: a single word of a short list for a name
// of three words, which PostgreSQL answers from the GIN index without reading the
// rows again for the phrase (a pair phrase "tran0thi <-> thi0hoa" read the 65,000
// households of "tran0thi" in the index, then rechecked 2,200 rows, 8.6 ms; ADR 0017).
// gramBreak starts the pairs and the triples, so that no phrase of the text's words
// runs into them, and goes between the grams of two runs of words a number (a
// national ID, a code) separates, so that a phrase of grams matches exactly where the
// words' phrase does.
const (
	gramSep   = "0"
	gramBreak = "0"
)

// gramsMark is where the grams start in households.search. The text before it is a
// folded code, names and national IDs, none of them the word "0".
const gramsMark = " " + gramBreak + " "

// gramSizes are the grams households.search holds after its text, in order.
var gramSizes = []int{2, 3}

// indexText is the value of households.search for the folded search text
// (registry.SearchText): the text, then its pairs, then its triples.
func indexText(text string) string {
	words := searchWords(text)
	var b strings.Builder
	b.Grow(3 * len(text))
	b.WriteString(text)
	for _, n := range gramSizes {
		brk := true // a break is due before the next gram
		for i := 0; i+n <= len(words); i++ {
			if !allLettered(words[i : i+n]) {
				brk = true
				continue
			}
			if brk {
				b.WriteString(gramsMark[:len(gramsMark)-1])
				brk = false
			}
			b.WriteString(" " + strings.Join(words[i:i+n], gramSep))
		}
	}
	return b.String()
}

// plainSearch is the search text of households.search, without its grams.
func plainSearch(index string) string {
	text, _, _ := strings.Cut(index, gramsMark)
	return text
}

// searchGrams is the phrase of grams that a search of words is (nil when it is not
// one: fewer than two words, or a number among them): its pair, or its triples. The
// last gram ends with the last word, a prefix.
func searchGrams(words []string) []string {
	if len(words) < 2 || !allLettered(words) {
		return nil
	}
	n := min(len(words), 3)
	grams := make([]string, 0, len(words)-n+1)
	for i := 0; i+n <= len(words); i++ {
		grams = append(grams, strings.Join(words[i:i+n], gramSep))
	}
	return grams
}

// allLettered: every word has a letter.
func allLettered(words []string) bool {
	for _, w := range words {
		if !isLettered(w) {
			return false
		}
	}
	return true
}

// isLettered: a word with a letter, which grams join (searchWords makes words of a–z
// and 0–9; numbers, the national IDs and codes, are searched through their own
// indexes). A word ending in a digit (a name "Số1", a code "HB01") makes grams that a
// one-word search can take for another word: "so10" finds "so1"+"hoa" as "so10hoa".
// A search then finds more, never less; the words of a real register's names end in
// letters.
func isLettered(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return true
		}
	}
	return false
}

// completions is what a search of words looks for: the phrase of head then one of
// lasts, each a whole word, or, when prefix is set, the phrase of head then the
// prefix lasts[0].
type completions struct {
	head   []string
	lasts  []string
	prefix bool
}

// searchCompletions is the search of words (lettered words by their grams:
// searchGrams) with its last word completed from search_words. A prefix of a word
// (its last word, or the last gram's last word) reads the full-text index of every
// word it begins (SQLite FTS5 merges their doclists; PostgreSQL's GIN index collects
// every match of each into a bitmap before it intersects them), whole words are read
// side by side and lazily. A prefix with no completion known, or more than
// maxCompletions, is left a prefix.
func (db *DB) searchCompletions(ctx context.Context, words []string) (completions, error) {
	head, last, lastOf := words[:len(words)-1], words[len(words)-1], func(w string) string { return w }
	if grams := searchGrams(words); grams != nil {
		g := grams[len(grams)-1]
		prev := g[:len(g)-len(last)] // the last gram up to its last word
		head, lastOf = grams[:len(grams)-1], func(w string) string { return prev + w }
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT word FROM search_words WHERE word >= $1 AND word < $2 ORDER BY word LIMIT $3`,
		last, last+"~", maxCompletions+1)
	if err != nil {
		return completions{}, err
	}
	defer rows.Close()
	c := completions{head: head}
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return completions{}, err
		}
		c.lasts = append(c.lasts, lastOf(w))
	}
	if err := rows.Err(); err != nil {
		return completions{}, err
	}
	if len(c.lasts) == 0 || len(c.lasts) > maxCompletions {
		c.lasts, c.prefix = []string{lastOf(last)}, true
	}
	return c, nil
}

// maxCompletions is how many completions of a search's last word are searched one by
// one; a shorter prefix is left to the index's prefix query.
const maxCompletions = 200

// textWords are the words of texts that search_words lists, in order, each once:
// numbers (national IDs, codes) are searched through their own indexes.
func textWords(texts []string) []string {
	seen := map[string]bool{}
	var words []string
	for _, t := range texts {
		for _, w := range searchWords(t) {
			if !seen[w] && !isDigits(w) {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	slices.Sort(words)
	return words
}

// backfillSearchWords adds the words of the households stored before migration 0027
// to search_words (the words of every text, on both engines: SQLite's list of 0012
// then holds them already).
func (db *DB) backfillSearchWords(ctx context.Context) error {
	return eachSearchText(ctx, 5000, func(_ []int64, texts []string) error {
		for i, t := range texts {
			texts[i] = plainSearch(t)
		}
		return db.dialect.noteSearchWords(ctx, txFrom(ctx), texts)
	})
}

// backfillSearchGrams writes the grams (indexText) into the search text of the
// households stored before migration 0028 (before 0026 without pairs, then without
// triples).
func (db *DB) backfillSearchGrams(ctx context.Context) error {
	tx := txFrom(ctx)
	err := eachSearchText(ctx, 2000, func(ids []int64, texts []string) error {
		for i, id := range ids {
			// plainSearch: a second run leaves the text as the first made it.
			if _, err := tx.ExecContext(ctx, `UPDATE households SET search = $1 WHERE id = $2`, indexText(plainSearch(texts[i])), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return db.dialect.compactSearch(ctx, tx)
}

// eachSearchText calls fn with the ids and search texts of the stored households, n
// at a time in id order, in the transaction of ctx (a migration's).
func eachSearchText(ctx context.Context, n int, fn func(ids []int64, texts []string) error) error {
	tx := txFrom(ctx)
	var after int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, search FROM households WHERE id > $1 ORDER BY id LIMIT $2`, after, n)
		if err != nil {
			return err
		}
		var ids []int64
		var texts []string
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return err
			}
			ids, texts = append(ids, id), append(texts, text)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(ids) == 0 {
			return err
		}
		if err := fn(ids, texts); err != nil {
			return err
		}
		after = ids[len(ids)-1]
	}
}
