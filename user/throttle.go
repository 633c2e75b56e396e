package user

import (
	"context"
	"sync"
	"time"
)

// Login throttling slows password guessing without letting anyone lock an account or
// an office out (docs/adr/0008-login-throttling-and-sessions.md). Failed attempts are
// counted, over FailureWindow, for three keys: the account and the client address
// together (the pair), the account from any address, and the address for any
// account. Past a key's free failures every attempt on that key waits, the wait
// doubling with each further failure up to MaxDelay; attempts made in parallel queue
// one behind the other, so that parallel requests do not get around the wait. There
// is no hard lock: a correct password is always accepted once its wait is over. An
// account and address pair that logged in successfully (a known pair) is not slowed
// by the account's and the address's counts, only by its own: an attacker elsewhere,
// or a colleague behind the office's address mistyping, does not slow the officer at
// the usual desk.
const (
	// FailureWindow is how long a failed attempt counts.
	FailureWindow = 15 * time.Minute
	// MaxDelay bounds the wait of one attempt.
	MaxDelay = 30 * time.Second
	// MaxWait bounds the queue: an attempt that would wait longer (many attempts in
	// parallel on one key) is answered at once with "try again in a moment", without
	// checking the password.
	MaxWait = time.Minute
	// KnownPairTTL is how long a successful login makes its pair known.
	KnownPairTTL = 30 * 24 * time.Hour
)

// The failures each key allows before attempts wait: an office behind one address
// has many users, and one account may be tried by its owner from several desks.
const (
	freePair    = 3
	freeAccount = 5
	freeAddress = 20
)

// maxTracked bounds the keys kept in memory (a flood of random usernames or
// addresses): past it the oldest expired entries are dropped first.
const maxTracked = 100000

type throttleKey struct {
	name string
	free int
}

type bucket struct {
	failures []time.Time
	next     time.Time // the earliest start of the next attempt on this key
}

func (b *bucket) prune(now time.Time) {
	kept := b.failures[:0]
	for _, t := range b.failures {
		if now.Sub(t) < FailureWindow {
			kept = append(kept, t)
		}
	}
	b.failures = kept
}

// delay is the wait between attempts on a key with n recent failures.
func delay(n, free int) time.Duration {
	if n < free {
		return 0
	}
	d := time.Second << min(n-free, 16)
	return min(d, MaxDelay)
}

// throttle holds the failure counts of this process. A restart forgets them: the
// delays are about minutes, and one process serves an installation.
type throttle struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	known   map[string]time.Time
}

func (t *throttle) keys(now time.Time, username, client string) (keys []throttleKey, known bool, pair string) {
	pair = "p:" + username + "\x00" + client
	keys = []throttleKey{{pair, freePair}}
	t.mu.Lock()
	defer t.mu.Unlock()
	at, ok := t.known[pair]
	known = ok && now.Sub(at) < KnownPairTTL
	if !known {
		keys = append(keys, throttleKey{"u:" + username, freeAccount}, throttleKey{"c:" + client, freeAddress})
	}
	return keys, known, pair
}

func (t *throttle) bucket(name string) *bucket {
	if t.buckets == nil {
		t.buckets = map[string]*bucket{}
	}
	b := t.buckets[name]
	if b == nil {
		b = &bucket{}
		t.buckets[name] = b
	}
	return b
}

// reserve returns how long the attempt must wait before its password is checked,
// and reserves its place in the queue of each slowed key; ok is false (and wait how
// long until a place frees) when the queue is longer than MaxWait.
func (t *throttle) reserve(now time.Time, keys []throttleKey) (wait time.Duration, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.forget(now)
	start := now
	slowed := make([]time.Duration, len(keys))
	for i, k := range keys {
		b := t.bucket(k.name)
		b.prune(now)
		if slowed[i] = delay(len(b.failures), k.free); slowed[i] > 0 && b.next.After(start) {
			start = b.next
		}
	}
	if start.Sub(now) > MaxWait {
		return start.Sub(now) - MaxWait, false
	}
	for i, k := range keys {
		if slowed[i] > 0 {
			b := t.bucket(k.name)
			b.next = start.Add(slowed[i])
		}
	}
	return start.Sub(now), true
}

// fail counts a failed attempt on each key and pushes its next attempt back.
func (t *throttle) fail(now time.Time, keys []throttleKey) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		b := t.bucket(k.name)
		b.prune(now)
		b.failures = append(b.failures, now)
		if next := now.Add(delay(len(b.failures), k.free)); next.After(b.next) {
			b.next = next
		}
	}
}

// succeed clears the pair's failures and makes the pair known.
func (t *throttle) succeed(now time.Time, pair string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.buckets, pair)
	if t.known == nil {
		t.known = map[string]time.Time{}
	}
	t.known[pair] = now
}

// forget drops expired entries once the maps grow large (called with mu held).
func (t *throttle) forget(now time.Time) {
	if len(t.buckets)+len(t.known) < maxTracked {
		return
	}
	for k, b := range t.buckets {
		b.prune(now)
		if len(b.failures) == 0 && !b.next.After(now) {
			delete(t.buckets, k)
		}
	}
	for k, at := range t.known {
		if now.Sub(at) > KnownPairTTL {
			delete(t.known, k)
		}
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
