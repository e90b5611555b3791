package annotate

// TopIssueIDs returns the ids of the first narrow topics and the first
// top levels among issues, in the Document's order (the narrow ones
// first): what a reader sees at a glance, and what the issue tests and
// cmd/eval-issues score.
func TopIssueIDs(issues []Issue, narrow, topLevels int) []string {
	var ids, tops []string
	for _, is := range issues {
		if is.Parent != "" && len(ids) < narrow {
			ids = append(ids, is.ID)
		} else if is.Parent == "" && len(tops) < topLevels {
			tops = append(tops, is.ID)
		}
	}
	return append(ids, tops...)
}
