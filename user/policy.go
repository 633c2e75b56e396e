package user

import (
	_ "embed"
	"strings"
	"unicode"

	"giamngheo"
)

// MinPasswordLength is the shortest password accepted, in characters (NIST SP
// 800-63B, 5.1.1.2, asks at least 8; we ask 10 of officers who guard a province's
// poorest households).
const MinPasswordLength = 10

//go:embed common_passwords.txt
var commonText string

// common is the set of stems of common passwords (common_passwords.txt).
var common = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(commonText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// CommonPassword reports whether pw is a common password or a common password with
// digits or symbols added at its end (Password2024!, matkhau@123), a run of one
// to three characters repeated (aaaaaaaaaa, abcabcabca), or the username.
func CommonPassword(pw, username string) bool {
	lower := strings.ToLower(strings.TrimSpace(pw))
	if common[lower] || (username != "" && strings.Contains(lower, strings.ToLower(username))) {
		return true
	}
	stem := strings.TrimRightFunc(lower, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == ' ' })
	stem = strings.TrimLeftFunc(stem, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	if stem == "" || common[stem] {
		return true // digits and symbols only, or a common word dressed up
	}
	rs := []rune(lower)
	for period := 1; period <= 3; period++ {
		repeated := true
		for i := period; i < len(rs); i++ {
			if rs[i] != rs[i-period] {
				repeated = false
				break
			}
		}
		if repeated {
			return true
		}
	}
	return false
}

// validatePassword applies the password policy: long enough, not common.
func validatePassword(pw, username string) error {
	if len([]rune(pw)) < MinPasswordLength {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "password",
			Message:   "Mật khẩu phải có ít nhất 10 ký tự (có thể là một câu dễ nhớ).",
			MessageEN: "The password must have at least 10 characters (a phrase you remember will do)."}
	}
	if CommonPassword(pw, username) {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "password",
			Message:   "Mật khẩu quá phổ biến hoặc dễ đoán (ví dụ matkhau123, 1234567890, tên đăng nhập); hãy chọn mật khẩu khác.",
			MessageEN: "The password is too common or easy to guess (such as password123, 1234567890, the username); choose another."}
	}
	return nil
}
