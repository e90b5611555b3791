package annotate

// Entities: groups name mentions that refer to the same person, place or
// organization, and picks the canonical (longest) name for each.

type entity struct {
	typ      EntityType
	name     string
	role     string
	mentions []Name
}

func groupEntities(text string, toks []Token, names []Name) []*entity {
	byName := map[string]*entity{}
	var out []*entity
	for _, n := range names {
		key := text[n.Start:n.End]
		e := byName[key]
		if e == nil {
			e = &entity{typ: n.Type, name: key}
			byName[key] = e
			out = append(out, e)
		}
		e.mentions = append(e.mentions, n)
	}
	return out
}
