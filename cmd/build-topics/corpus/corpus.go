// Package corpus reads the labelled news in ../shared that the issue
// classifier is trained and measured on, each story mapped to the IPTC top
// level a reader would file it under. The mappings are Lede's own: a source
// label is mapped only when nearly all its stories belong to one top level;
// mixed desks ("world", "U.S. news", "immigration") are left out.
//
// It is shared by cmd/build-topics (training) and cmd/eval-issues (scores).
package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The IPTC top levels the sources are mapped to.
const (
	Arts        = "medtop:01000000" // arts, culture, entertainment and media
	Crime       = "medtop:02000000" // crime, law and justice
	Disaster    = "medtop:03000000" // disaster, accident and emergency incident
	Economy     = "medtop:04000000" // economy, business and finance
	Education   = "medtop:05000000"
	Environment = "medtop:06000000"
	Health      = "medtop:07000000"
	Human       = "medtop:08000000" // human interest
	Labour      = "medtop:09000000"
	Lifestyle   = "medtop:10000000" // lifestyle and leisure
	Politics    = "medtop:11000000" // politics and government
	Religion    = "medtop:12000000"
	Science     = "medtop:13000000" // science and technology
	Society     = "medtop:14000000"
	Sport       = "medtop:15000000"
	Conflict    = "medtop:16000000" // conflict, war and peace
)

// Story is one labelled text.
type Story struct {
	Source string // "bbc", "masakhane", "allsides", "huffpost"
	Class  string // the source's own label
	Topic  string // its IPTC top level
	Title  string
	Text   string
	Origin string // of a headline alone ("headline"): the source of its story
}

// Article is the story as Lede reads it: the headline on its own line, then
// the text.
func (s Story) Article() string {
	if s.Text == "" {
		return s.Title
	}
	return s.Title + "\n" + s.Text
}

// BBCClasses maps the five BBC News sections to IPTC.
var BBCClasses = map[string]string{
	"business": Economy, "entertainment": Arts, "politics": Politics, "sport": Sport, "tech": Science,
}

// MasakhaneClasses maps MasakhaNEWS English's six classes to IPTC.
var MasakhaneClasses = map[string]string{
	"business": Economy, "entertainment": Arts, "health": Health, "politics": Politics, "sports": Sport, "technology": Science,
}

// AllSidesTopics maps the AllSides tags trusted to name one top level. Left
// out: generic and regional tags (world, general news, china, middle east),
// and tags whose stories split between top levels: immigration (society in
// IPTC, politics in these stories), healthcare (mostly the politics of
// health insurance), taxes and budgets (politics in IPTC, economy to most
// readers), gun control, abortion, energy, national security, media bias.
var AllSidesTopics = map[string]string{
	"elections": Politics, "politics": Politics, "white_house": Politics, "us_senate": Politics,
	"us_house": Politics, "us_congress": Politics, "republican_party": Politics, "democratic_party": Politics,
	"impeachment": Politics, "campaign_finance": Politics, "voting_rights_and_voter_fraud": Politics,
	"tea_party": Politics, "campaign_rhetoric": Politics, "foreign_policy": Politics, "state_department": Politics,
	"coronavirus": Health, "public_health": Health, "opioid_crisis": Health, "ebola": Health, "fda": Health,
	"obesity_and_malnutrition": Health,
	"supreme_court":            Crime, "justice": Crime, "justice_department": Crime, "criminal_justice": Crime,
	"violence_in_america": Crime, "death_penalty": Crime, "capital_punishment_and_death_penalty": Crime, "dea": Crime,
	"economy_and_jobs": Economy, "banking_and_finance": Economy, "economic_policy": Economy, "business": Economy,
	"treasury": Economy, "trade": Economy,
	"environment": Environment, "epa": Environment,
	"education":          Education,
	"labor":              Labour,
	"religion_and_faith": Religion,
	"technology":         Science, "science": Science,
	"sports":                 Sport,
	"arts_and_entertainment": Arts, "media_industry": Arts,
	"terrorism": Conflict, "isis": Conflict, "national_defense": Conflict, "defense": Conflict,
	"nuclear_weapons": Conflict, "us_military": Conflict,
	"disaster":        Disaster,
	"race_and_racism": Society, "lgbt_rights": Society, "civil_rights": Society, "welfare": Society,
	"family_and_marriage": Society, "inequality": Society, "housing_and_homelessness": Society,
	"women's_issues": Society, "social_security": Society,
	"food": Lifestyle, "holidays": Lifestyle,
}

// HuffPostCategories maps the HuffPost desks trusted to name one top level;
// the geographic and identity desks and political comedy are left out.
var HuffPostCategories = map[string]string{
	"POLITICS": Politics, "ENTERTAINMENT": Arts, "MEDIA": Arts, "CULTURE & ARTS": Arts, "ARTS": Arts, "ARTS & CULTURE": Arts,
	"SPORTS": Sport, "CRIME": Crime,
	"STYLE & BEAUTY": Lifestyle, "STYLE": Lifestyle, "HOME & LIVING": Lifestyle, "FOOD & DRINK": Lifestyle,
	"TASTE": Lifestyle, "TRAVEL": Lifestyle,
	"WEIRD NEWS": Human, "GOOD NEWS": Human,
	"ENVIRONMENT": Environment, "GREEN": Environment,
	"WELLNESS": Health, "HEALTHY LIVING": Health,
	"PARENTING": Society, "PARENTS": Society, "DIVORCE": Society,
	"BUSINESS": Economy, "MONEY": Economy,
	"TECH": Science, "SCIENCE": Science,
	"RELIGION":  Religion,
	"EDUCATION": Education, "COLLEGE": Education,
}

// ErrAbsent is returned (wrapped) when the shared data folder lacks a source.
var ErrAbsent = errors.New("absent")

func open(path string) (*os.File, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s: %w (the shared data folder is needed)", path, ErrAbsent)
	}
	return f, err
}

// BBC reads BBC News 2004–05 in file order; the even positions are the
// training ("dev") half, the odd ones are held out.
func BBC(shared string) ([]Story, error) {
	var out []Story
	err := readJSONL(filepath.Join(shared, "data/topics/bbc_news/bbc_news.jsonl"), func(line []byte) error {
		var a struct{ Category, Title, Text string }
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		out = append(out, Story{Source: "bbc", Class: a.Category, Topic: BBCClasses[a.Category], Title: a.Title, Text: a.Text})
		return nil
	})
	return out, err
}

// Masakhane reads a split of MasakhaNEWS English ("train" or "dev"; the test
// split is held out and never read).
func Masakhane(shared, split string) ([]Story, error) {
	if split != "train" && split != "dev" {
		return nil, fmt.Errorf("masakhane split %q: only train and dev are read", split)
	}
	f, err := open(filepath.Join(shared, "data/topics/masakhanews_eng", split+".tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var out []Story
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if first || len(rec) < 3 {
			continue
		}
		out = append(out, Story{Source: "masakhane", Class: rec[0], Topic: MasakhaneClasses[rec[0]], Title: rec[1], Text: rec[2]})
	}
}

// AllSides reads the AllSides stories with a trusted tag, in shard order.
// maxBytes cuts each text at the paragraph that passes it (0: whole).
func AllSides(shared string, maxBytes int) ([]Story, error) {
	paths, _ := filepath.Glob(filepath.Join(shared, "data/topics/allsides/allsides-*.jsonl.gz"))
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: %w", filepath.Join(shared, "data/topics/allsides"), ErrAbsent)
	}
	sort.Strings(paths)
	var out []Story
	for _, p := range paths {
		f, err := open(p)
		if err != nil {
			return nil, err
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		err = scanLines(z, func(line []byte) error {
			var a struct {
				Topic, Title, Text string
				Noisy              bool
			}
			if err := json.Unmarshal(line, &a); err != nil {
				return err
			}
			if t := AllSidesTopics[a.Topic]; t != "" && !a.Noisy {
				out = append(out, Story{Source: "allsides", Class: a.Topic, Topic: t, Title: a.Title, Text: cut(a.Text, maxBytes)})
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// HuffPost reads the HuffPost headlines with a trusted desk: the headline,
// and the short description as its text.
func HuffPost(shared string) ([]Story, error) {
	var out []Story
	err := readJSONL(filepath.Join(shared, "data/topics/huffpost/News_Category_Dataset_v3.first9999.jsonl"), func(line []byte) error {
		var a struct {
			Headline, Category string
			Description        string `json:"short_description"`
		}
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		if t := HuffPostCategories[a.Category]; t != "" {
			out = append(out, Story{Source: "huffpost", Class: a.Category, Topic: t, Title: a.Headline, Text: a.Description})
		}
		return nil
	})
	return out, err
}

// Unlabelled reads the unlabelled articles (BASIL, SemEval 2025), text only.
func Unlabelled(shared string) ([]string, error) {
	var out []string
	for _, name := range []string{"basil.jsonl", "semeval2025_narratives.jsonl"} {
		err := readJSONL(filepath.Join(shared, "data/unlabeled", name), func(line []byte) error {
			var a struct{ Title, Text string }
			if err := json.Unmarshal(line, &a); err != nil {
				return err
			}
			out = append(out, a.Title+"\n"+a.Text)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cut shortens text to the paragraph that passes max bytes.
func cut(text string, max int) string {
	if max <= 0 || len(text) <= max {
		return text
	}
	if i := strings.IndexByte(text[max:], '\n'); i >= 0 {
		return text[:max+i]
	}
	return text
}

func readJSONL(path string, f func([]byte) error) error {
	file, err := open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	return scanLines(file, f)
}

func scanLines(r io.Reader, f func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := f(sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}
