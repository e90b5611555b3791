package annotate

// Issues: finds the IPTC Media Topics an article raises and ranks them.

type issue struct {
	id, label, parent, parentLabel string
	score                          float64
	mentions                       [][2]int
}

func findIssues(a *analysis) []issue { return nil }
