package main

// Hand-written word lists that no data file in ../shared provides: common
// abbreviations, English exonyms that news prefers, regions that are not
// administrative units, and the title and organization words.

// countryAliases maps short or informal country names that news uses to the
// ISO 3166 alpha-2 code of the country.
var countryAliases = map[string]string{
	"US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US",
	"UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
	"UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
	"DRC": "CD", "Democratic Republic of Congo": "CD", "Congo-Kinshasa": "CD",
	"PRC": "CN", "Mainland China": "CN",
	"DPRK": "KP", "ROK": "KR",
	"Holland": "NL", "Burma": "MM", "Czech Republic": "CZ", "Turkey": "TR",
	"Russian Federation": "RU", "Vatican": "VA", "Macedonia": "MK",
	"Swaziland": "SZ", "East Timor": "TL", "Cape Verde": "CV",
}

// canonicalCountry overrides the common name of a country where English news
// uses another one.
var canonicalCountry = map[string]string{"TR": "Turkey"}

// extraDemonyms maps demonyms missing from the country table, and plurals
// that do not follow the add-an-s rule, to their place.
var extraDemonyms = map[string]string{
	"Briton": "United Kingdom", "Britons": "United Kingdom", "Brit": "United Kingdom",
	"Brits": "United Kingdom", "Scottish": "Scotland", "Scot": "Scotland", "Scots": "Scotland",
	"Welsh": "Wales", "European": "Europe", "Europeans": "Europe", "African": "Africa",
	"Africans": "Africa", "Asian": "Asia", "Asians": "Asia", "Latin American": "Latin America",
	"Middle Eastern": "Middle East", "Kiwi": "New Zealand", "Aussie": "Australia",
}

// continents and areas are place names that are not countries, provinces or
// cities but that news names all the time.
var continents = []string{
	"Africa", "Asia", "Europe", "North America", "South America", "Americas",
	"Oceania", "Antarctica", "Eurasia", "Latin America", "Central America",
}

var areas = []string{
	"Middle East", "Near East", "Far East", "East Asia", "Southeast Asia", "South Asia",
	"Central Asia", "West Asia", "Asia-Pacific", "Indo-Pacific", "Pacific", "Atlantic",
	"Arctic", "Mediterranean", "Caribbean", "Balkans", "Baltics", "Caucasus", "Sahel",
	"Scandinavia", "Nordics", "Gulf", "Persian Gulf", "Horn of Africa", "Sub-Saharan Africa",
	"West Africa", "East Africa", "North Africa", "Southern Africa", "Central Africa",
	"Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
	"Siberia", "Kashmir", "Gaza", "Gaza Strip", "West Bank", "Crimea", "Donbas", "Golan Heights", "South China Sea",
	"Taiwan Strait", "Black Sea", "Red Sea", "Baltic Sea", "Korean Peninsula",
	"Amazon", "Himalayas", "Alps", "Silicon Valley", "Wall Street", "Midwest",
}

// stateAbbreviations are the news-style abbreviations of US states, as in
// datelines ("SPRINGFIELD, Ill.").
var stateAbbreviations = []string{
	"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.",
	"Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
	"Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
	"R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
}

// genericRegionNames are first-level region names that are ordinary English
// words; as place evidence they would do more harm than good.
var genericRegionNames = map[string]bool{
	"Central": true, "North": true, "South": true, "East": true, "West": true,
	"Northern": true, "Southern": true, "Eastern": true, "Western": true,
	"Capital": true, "Centre": true, "Center": true, "Coast": true, "Lakes": true,
	"Islands": true, "Upper": true, "Lower": true, "Northeast": true, "Northwest": true,
	"Southeast": true, "Southwest": true, "Plateau": true, "Littoral": true,
	"Federal District": true, "Capital District": true, "Central Region": true,
}

// personTitles are words that stand before a person's name or name their
// office (lower case, without a final period).
var personTitles = []string{
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"president", "vice", "secretary", "minister", "premier", "chancellor", "senator", "sen",
	"rep", "representative", "congressman", "congresswoman", "lawmaker", "legislator",
	"gov", "governor", "mayor", "judge", "justice", "magistrate", "prosecutor", "attorney",
	"king", "queen", "prince", "princess", "emperor", "empress", "duke", "duchess", "sheikh",
	"emir", "sultan", "pope", "cardinal", "archbishop", "bishop", "rev", "reverend", "father",
	"rabbi", "imam", "ayatollah", "pastor", "general", "gen", "lt", "lieutenant", "col",
	"colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral",
	"cmdr", "commander", "marshal", "brigadier", "corporal", "private", "chief", "deputy",
	"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "consul",
	"chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "founder", "director", "executive",
	"leader", "speaker", "commissioner", "inspector", "detective", "officer", "sheriff",
	"superintendent", "coach", "manager", "economist", "analyst", "correspondent",
	"editor", "spokesmen", "madam", "secretary-general", "undersecretary", "aide", "adviser", "advisor",
	// local offices, which American news puts before a name
	"councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman",
	"assemblyman", "assemblywoman", "assemblymember", "selectman", "selectwoman", "supervisor",
	"comptroller", "treasurer", "trustee", "delegate", "chairperson",
	// abbreviations Commonwealth news writes before a name ("Coun. Doug
	// Ferris", "Cllr Ann Hale", "Det. Supt. Mark Ode")
	"coun", "cllr", "supt", "insp", "det", "cpl",
}

// honorifics are titles that are only courtesy, not an office.
var honorifics = []string{"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "madam", "rev"}

// femaleTitles and maleTitles are titles that tell a person's sex.
var (
	femaleTitles = []string{
		"mrs", "ms", "miss", "madam", "lady", "dame", "queen", "princess", "empress", "duchess",
		"congresswoman", "spokeswoman", "chairwoman", "councilwoman", "alderwoman", "assemblywoman", "selectwoman",
	}
	maleTitles = []string{
		"mr", "sir", "lord", "king", "prince", "emperor", "duke", "sheikh", "emir", "sultan",
		"father", "congressman", "spokesman", "chairman", "councilman", "alderman", "assemblyman", "selectman",
	}
)

// orgSuffixes are words that end (or head) an organization's name (lower
// case, without a final period).
var orgSuffixes = []string{
	"inc", "corp", "corporation", "co", "company", "ltd", "llc", "llp", "plc", "gmbh", "ag",
	"sa", "nv", "bv", "spa", "group", "holdings", "partners", "industries", "enterprises",
	"technologies", "systems", "motors", "airlines", "airways", "bank", "fund", "trust",
	"party", "ministry", "department", "council", "committee", "commission", "agency",
	"authority", "bureau", "office", "administration", "board", "service", "services",
	"university", "college", "school", "academy", "institute", "institution", "foundation",
	"association", "society", "union", "federation", "league", "alliance", "coalition",
	"organization", "organisation", "movement", "front", "army", "navy", "forces", "police",
	"guard", "brigade", "brigades", "court", "tribunal", "parliament", "congress", "senate",
	"assembly", "cabinet", "hospital", "church", "club", "fc", "network", "news", "times",
	"post", "daily", "journal", "tribune", "herald", "press", "television", "radio",
	"exchange", "reserve", "centre", "center", "laboratory", "laboratories", "labs",
}
