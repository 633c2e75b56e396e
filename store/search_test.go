package store

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestIndexText(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"", ""},
		{"a1", "a1"},
		{"hl-001 tran thi hoa", "hl-001 tran thi hoa tran0thi thi0hoa"},
		{"td-a tran", "td-a tran td0a a0tran"},
		// A national ID between two names breaks the run of pairs.
		{"10507-01-00001 tran thi hoa 030177894381 le van an", "10507-01-00001 tran thi hoa 030177894381 le van an tran0thi thi0hoa 0 le0van van0an"},
		// Names without IDs run on; a word with a digit pairs ("Số1").
		{"1 tran van so1 le an 2", "1 tran van so1 le an 2 tran0van van0so1 so10le le0an"},
	} {
		if got := indexText(tc.text); got != tc.want {
			t.Errorf("indexText(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		{[]string{"tran"}, nil},
		{[]string{"tran", "thi", "ho"}, []string{"tran0thi", "thi0ho"}},
		{[]string{"tran", "030177"}, nil},
		{[]string{"tran", "van", "so1"}, []string{"tran0van", "van0so1"}},
	} {
		if got := searchPairs(tc.words); !slices.Equal(got, tc.want) {
			t.Errorf("searchPairs(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
	for w, want := range map[string]bool{"tran0thi": true, "van0so1": true, "so10le": true, "so10": false, "xa01": false, "0": false, "030177": false, "tran": false} {
		if isPairWord(w) != want {
			t.Errorf("isPairWord(%q) = %v", w, !want)
		}
	}
}

// phraseIn tells whether tokens hold the phrase, its last word a prefix: what both
// full-text indexes answer (FTS5 "a b c"*, to_tsquery 'a <-> b <-> c:*').
func phraseIn(tokens, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(tokens); i++ {
		ok := true
		for j, p := range phrase {
			if j == len(phrase)-1 && !strings.HasPrefix(tokens[i+j], p) || j < len(phrase)-1 && tokens[i+j] != p {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestPairsMatchAsWords: over random texts of a few words, numbers among them, the
// phrase of a search's pairs is found in the index text exactly where the phrase of
// its words is found in the text.
func TestPairsMatchAsWords(t *testing.T) {
	vocab := []string{"tran", "thi", "hoa", "hoang", "van", "an", "so1", "so10", "le", "0301", "12"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		text := make([]string, 1+r.IntN(9))
		for i := range text {
			text[i] = vocab[r.IntN(len(vocab))]
		}
		q := make([]string, 2+r.IntN(3))
		for i := range q {
			q[i] = vocab[r.IntN(len(vocab))]
		}
		if i := r.IntN(len(text)); r.IntN(2) == 0 {
			// Words of the text around its numbers: found only where no number
			// parted them.
			q = q[:0]
			for _, w := range text[i:min(len(text), i+2+r.IntN(4))] {
				if isLettered(w) {
					q = append(q, w)
				}
			}
		}
		if len(q) > 0 && r.IntN(3) == 0 { // a prefix of the last word
			q[len(q)-1] = q[len(q)-1][:1+r.IntN(len(q[len(q)-1]))]
		}
		pairs := searchPairs(q)
		if pairs == nil {
			continue
		}
		plain := strings.Join(text, " ")
		want := phraseIn(text, q)
		if got := phraseIn(searchWords(indexText(plain)), pairs); got != want {
			t.Fatalf("%q in %q: pairs say %v, words %v (index %q)", q, plain, got, want, indexText(plain))
		}
	}
}
