// Package decimal writes and reads the short decimal numbers of Lede's
// documents and embedded data (scores, shares, coordinates, weights) without
// strconv's general float machinery, whose tables and algorithms cost the
// wasm build about 18 KB with brotli for numbers that never need them.
//
// A number written with Append(b, x, places) is the shortest decimal that
// reads back as x whenever x is already rounded to places decimals, which is
// how the document rounds every number it holds: the same text
// strconv.AppendFloat(b, x, 'f', -1, 64) and encoding/json write.
package decimal

import "math"

// pow10 holds the powers of ten that are exact in a float64.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// MaxPlaces is the most decimals Append writes.
const MaxPlaces = 6

// Append appends x rounded to places decimals (0 to MaxPlaces), with no
// trailing zeros and no exponent. NaN and infinities, which JSON cannot
// hold, are written as 0; so is a magnitude of 1e15 or more.
func Append(b []byte, x float64, places int) []byte {
	places = max(0, min(places, MaxPlaces))
	scaled := math.Round(x * pow10[places])
	if math.IsNaN(scaled) || math.Abs(scaled) >= 1e15 {
		return append(b, '0')
	}
	if scaled < 0 {
		b = append(b, '-')
		scaled = -scaled
	}
	n := uint64(scaled)
	unit := uint64(pow10[places])
	whole, frac := n/unit, n%unit
	b = appendUint(b, whole)
	if frac == 0 {
		if len(b) == 2 && b[0] == '-' && b[1] == '0' {
			b = b[:0] // "-0" reads as 0
			return append(b, '0')
		}
		return b
	}
	for frac%10 == 0 {
		frac /= 10
		places--
	}
	b = append(b, '.')
	var digits [MaxPlaces]byte
	for i := places - 1; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	return append(b, digits[:places]...)
}

func appendUint(b []byte, n uint64) []byte {
	var digits [20]byte
	i := len(digits)
	for {
		i--
		digits[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, digits[i:]...)
}

// maxDigits keeps Parse's digits exact in a float64 (below 2^53).
const maxDigits = 15

// Parse reads a plain decimal: an optional sign, digits and at most one
// point, with at most 15 digits in all ("0.42", "-3", "12.5"). The digits
// and the power of ten are both exact in a float64, so their quotient is
// the correctly rounded value. ok is false for anything else (exponents,
// hex, empty input, more digits).
func Parse(s string) (x float64, ok bool) {
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var n uint64
	digits, decimals, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
			if digits > maxDigits {
				return 0, false
			}
			n = n*10 + uint64(c-'0')
			if point {
				decimals++
			}
		case c == '.' && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	x = float64(n) / pow10[decimals]
	if neg {
		x = -x
	}
	return x, true
}
