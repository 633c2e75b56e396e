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
		{"hl-001 tran thi hoa", "hl-001 tran thi hoa 0 tran0thi thi0hoa 0 tran0thi0hoa"},
		{"td-a tran", "td-a tran 0 td0a a0tran 0 td0a0tran"},
		{"an le", "an le 0 an0le"},
		// A national ID between two names breaks the runs of grams.
		{"10507-01-00001 tran thi hoa 030177894381 le van an", "10507-01-00001 tran thi hoa 030177894381 le van an 0 tran0thi thi0hoa 0 le0van van0an 0 tran0thi0hoa 0 le0van0an"},
		{"1 tran thi 2 le van an", "1 tran thi 2 le van an 0 tran0thi 0 le0van van0an 0 le0van0an"},
		// Names without IDs run on; a word with a digit makes grams ("Số1").
		{"1 tran van so1 le an 2", "1 tran van so1 le an 2 0 tran0van van0so1 so10le le0an 0 tran0van0so1 van0so10le so10le0an"},
	} {
		got := indexText(tc.text)
		if got != tc.want {
			t.Errorf("indexText(%q) = %q, want %q", tc.text, got, tc.want)
		}
		if plainSearch(got) != tc.text || indexText(plainSearch(got)) != got {
			t.Errorf("plainSearch(%q) = %q", got, plainSearch(got))
		}
	}
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		{[]string{"tran"}, nil},
		{[]string{"tran", "thi"}, []string{"tran0thi"}},
		{[]string{"tran", "thi", "ho"}, []string{"tran0thi0ho"}},
		{[]string{"nguyen", "thi", "thu", "ha"}, []string{"nguyen0thi0thu", "thi0thu0ha"}},
		{[]string{"tran", "030177"}, nil},
		{[]string{"tran", "thi", "hoa", "030177"}, nil},
		{[]string{"tran", "van", "so1"}, []string{"tran0van0so1"}},
	} {
		if got := searchGrams(tc.words); !slices.Equal(got, tc.want) {
			t.Errorf("searchGrams(%q) = %q, want %q", tc.words, got, tc.want)
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

// TestGramsMatchAsWords: over random texts of a few words, numbers among them, a
// search (its pair, the phrase of its triples, or of its words when one is a number) is found in
// the index text exactly where the phrase of its words is found in the text.
func TestGramsMatchAsWords(t *testing.T) {
	vocab := []string{"tran", "thi", "hoa", "hoang", "van", "an", "so1", "so10", "le", "0301", "12"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		text := make([]string, 1+r.IntN(9))
		for i := range text {
			text[i] = vocab[r.IntN(len(vocab))]
		}
		q := make([]string, 1+r.IntN(5))
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
		if len(q) == 0 || q[len(q)-1] == gramBreak {
			// A search ending in the word "0" (the beginning of nearly every national
			// ID) also finds the break before the grams.
			continue
		}
		// What the store searches: the grams, or the words when there are none.
		phrase := searchGrams(q)
		if phrase == nil {
			phrase = q
		}
		plain := strings.Join(text, " ")
		want := phraseIn(text, q)
		got := phraseIn(searchWords(indexText(plain)), phrase)
		// One word is a prefix of the grams too: "so10" of "so1"+"hoa" (search.go:
		// isLettered). Only a word of the text ending in a digit makes that a match of
		// nothing the text holds; then a search may find more, never less.
		if got != want && (!endsInDigit(text) || !got) {
			t.Fatalf("%q in %q: the index says %v, the words %v (index %q)", q, plain, got, want, indexText(plain))
		}
	}
}

// endsInDigit: a word of text has a letter and ends in a digit ("so1").
func endsInDigit(text []string) bool {
	for _, w := range text {
		if isLettered(w) && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
			return true
		}
	}
	return false
}
