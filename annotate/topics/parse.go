// The parser of the compiled lexicon (compiled.txt).

package topics

import (
	"math"
	"math/bits"
	"strings"

	"lede/annotate/internal/decimal"
	"lede/annotate/internal/swar"
)

// The compiled format, one record per line (fields separated by tabs):
//
//	T <id> <label> <top index> <kind>  a topic; its index is its order; kind "frame" or empty
//	S <sense>;<sense>… <context>    the senses and context bits of the keys that follow
//	<key>                           a token n-gram ("trade war"); "=WTO" matches case exactly
//
// A sense is topic:weight:need:forbid; a mask is its bit numbers joined by "+". Lines starting with # are comments.
// Keys are written folded (lower case, straight apostrophes), so loading
// hashes each key's bytes as they stand, reading each once.
func parse(src string) *Lexicon {
	keys := len(src) / bytesPerKey
	l := &Lexicon{starts: newBloom(keys), contexts: []Mask{{}}, contextOf: map[Mask]uint16{{}: 0}}
	l.resize(keys)
	var group senseGroup // the senses and context of the keys that follow
	for len(src) > 0 {
		if src[0] != '#' && src[0] != '\n' && !strings.HasPrefix(src, "T\t") && !strings.HasPrefix(src, "S\t") {
			src = l.add(src, group)
			continue
		}
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		switch {
		case strings.HasPrefix(line, "T\t"):
			l.Topics = append(l.Topics, parseTopic(line[2:]))
		case strings.HasPrefix(line, "S\t"):
			senses, context, _ := strings.Cut(line[2:], "\t")
			group.first = len(l.senses)
			l.senses = appendSenses(l.senses, senses)
			group.end = len(l.senses)
			group.context = parseMask(context)
		}
	}
	if len(l.senses) > math.MaxUint16 || len(l.contexts) > math.MaxUint16 {
		panic("topics: the lexicon outgrew the fields of Entry")
	}
	l.contextOf = nil
	return l
}

// senseGroup is the senses of a run of keys, senses[first:end], and the
// context they set.
type senseGroup struct {
	first, end int
	context    Mask
}

// bytesPerKey is about the length of a line of compiled.txt, to size the
// table once for the keys it holds.
const bytesPerKey = 12

// parseTopic reads "<id> <label> <top index> <kind>" separated by tabs.
func parseTopic(line string) Topic {
	id, rest, _ := strings.Cut(line, "\t")
	label, rest, _ := strings.Cut(rest, "\t")
	top, kind, _ := strings.Cut(rest, "\t")
	index := atoi(top)
	return Topic{ID: id, Label: label, Top: index, Frame: kind == "frame"}
}

// appendSenses reads "topic:weight:need:forbid" senses separated by ";".
func appendSenses(out []Sense, field string) []Sense {
	for field != "" {
		var sense string
		sense, field, _ = strings.Cut(field, ";")
		topic, rest, _ := strings.Cut(sense, ":")
		weight, rest, _ := strings.Cut(rest, ":")
		need, forbid, _ := strings.Cut(rest, ":")
		t := atoi(topic)
		w := parseWeight(weight)
		out = append(out, Sense{Topic: t, Weight: w, Need: parseMask(need), Forbid: parseMask(forbid)})
	}
	return out
}

// parseWeight reads a weight. The lexicon's are short decimals ("0.42"),
// which it reads as digits over a power of ten: both are exact in a float64,
// so the quotient is the correctly rounded value strconv.ParseFloat gives,
// without its generic machinery, which is slow while WebAssembly is
// starting up.
func parseWeight(s string) float64 {
	var digits uint64
	scale, point := 1.0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9' && i < maxWeightDigits:
			digits = digits*10 + uint64(c-'0')
			if point {
				scale *= 10
			}
		case c == '.' && !point:
			point = true
		default:
			w, _ := decimal.Parse(s)
			return w
		}
	}
	return float64(digits) / scale
}

// maxWeightDigits keeps parseWeight's digits and scale exact.
const maxWeightDigits = 15

// add registers the key on the first line of src with the senses and
// context of group, marks each of its proper prefixes, and returns the
// lines after it.
//
// It reads the line in one loop, eight bytes at a time: a call per line or
// word to find its end costs more in WebAssembly, where the lexicon loads
// as the page starts.
func (l *Lexicon) add(src string, group senseGroup) string {
	var h uint64
	end := 0 // of the line
	if src[0] == '=' {
		for end = 1; end < len(src) && src[end] != '\n'; end++ {
		}
		exact := src[1:end]
		h = Exact(exact)
		if exact != "" {
			l.exactShapes[exact[0]] |= shapeBit(len(exact))
			l.starts.add(Extend(Key(), TokenHash(exact, 0, len(exact))))
		}
	} else {
		// The key is folded already, so TokenHash's words are its bytes as
		// they stand (TestCompiledKeysAreFolded checks it), read here eight
		// at a time, looking for the space or line break that ends each
		// token in the same words.
		h = Key()
		words := 1
		t := uint64(tokenSeed) // the token so far
		for start, i := 0, 0; ; {
			var w uint64
			k := 8 // where the token ends in w, 8 if not in it
			if i+8 <= len(src) {
				w = swar.Load64(src[i:])
			} else {
				w, k = swar.Bytes(src, i, len(src)-i), len(src)-i
			}
			if stops := swar.Flag(w, ' ') | swar.Flag(w, '\n'); stops != 0 {
				k = min(k, bits.TrailingZeros64(stops)/8)
			}
			if k == 8 {
				t = mixWord(t, w)
				i += 8
				continue
			}
			if k > 0 {
				t = mixWord(t, w&(1<<(8*k)-1))
			}
			end = i + k
			h = Extend(h, t^uint64(end-start))
			if words == 2 {
				l.starts.add(h)
			}
			if end == len(src) || src[end] == '\n' {
				if words == 1 {
					l.starts.add(h)
				}
				break
			}
			l.entry(h).Prefix = true
			words++
			start, i, t = end+1, end+1, tokenSeed
		}
		l.MaxTerm = max(l.MaxTerm, words)
	}
	rest := src[min(end+1, len(src)):]
	e := l.entry(h)
	first, last := int(e.first), int(e.first)+int(e.senses) // the key's senses so far
	switch {
	case first == last:
		first, last = group.first, group.end // shared by every key of the group
	case last == group.first:
		last = group.end // the group's senses follow the key's
	case group.first < group.end:
		merged := len(l.senses)
		l.senses = append(l.senses, l.senses[first:last]...)
		l.senses = append(l.senses, l.senses[group.first:group.end]...)
		first, last = merged, len(l.senses)
	}
	if last-first > math.MaxUint8 {
		panic("topics: a key has more senses than an Entry holds")
	}
	e.first, e.senses = uint16(first), uint8(last-first)
	if !group.context.Empty() {
		e.context = l.intern(l.contexts[e.context].Or(group.context))
	}
	return rest
}

// atoi reads a non-negative decimal, 0 for anything else (as strconv.Atoi's
// value on an error is): strconv.Atoi would link the quoting of its error
// message, about 7 KB of brotli in the wasm build.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 1<<40 {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
