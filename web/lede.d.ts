// TypeScript declarations for Lede's embedding API (lede.js, the
// <lede-annotator> element, the iframe mode's messages) and the document
// format every part of Lede returns (docs/format.md). Fields may be added in
// later versions; none will be renamed or removed.

/** The unit of every start/end offset. "utf16" (the default) indexes JavaScript strings: text.slice(start, end) === text of the span. */
export type OffsetUnit = "utf16" | "byte" | "codepoint";

/** A kind of annotation that a call may ask for; all of them by default. */
export type Layer = "entities" | "quotes" | "issues";

export interface AnnotateOptions {
  offsets?: OffsetUnit;
  layers?: Layer[];
  /** A newsroom lexicon (docs/format.md): names always typed, aliases grouped, strings never flagged. */
  lexicon?: NewsroomLexicon;
  /** An editor's corrections, applied in order (docs/format.md, Corrections). */
  corrections?: Correction[];
}

/**
 * One correction: an entity by "type:name", a quote by its start offset, an issue by its id.
 * A split moves the mentions of `entity` whose text is exactly `name` into a new entity "type:name".
 */
export interface Correction {
  op: "reject" | "type" | "merge" | "split" | "speaker" | "anonymous" | "dismiss";
  entity?: string;
  type?: "person" | "place" | "organization";
  into?: string;
  quote?: number;
  speaker?: string;
  /** A speaker's description, or the text of the mentions a split moves. */
  name?: string;
  anonymous?: boolean;
  issue?: string;
}

/** A newsroom lexicon: names match case-sensitively as whole tokens. */
export interface NewsroomLexicon {
  entities?: { name: string; type: "person" | "place" | "organization"; canonical?: string; role?: string }[];
  ignore?: string[];
}

/** One span of the text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

export type EntityType = "person" | "place" | "organization";

/** A person, place or organization with every mention of it. */
export interface Entity {
  /** "e1", "e2", … unique within a document. */
  id: string;
  type: EntityType;
  name: string;
  /** A title or role found beside the name ("Secretary of State"). */
  role?: string;
  /** People only: "female", "male" or "unknown". */
  gender?: Gender;
  /** Where the gender comes from: the text (pronouns, honorifics, kinship words) or a clear given name; absent when unknown. */
  genderBasis?: "text" | "name";
  /** 0–1, two decimals: the calibrated chance the recognizer got the name's extent and type right. */
  confidence?: number;
  mentions: Mention[];
  /** True when an editor's correction changed it (docs/format.md, Corrections). */
  corrected?: boolean;
  /** For a place, its GeoNames record; absent when Lede cannot tell which place it is. */
  geo?: Geo;
}

/** A place's gazetteer record (see docs/format.md). */
export interface Geo {
  /** The GeoNames id; absent for a county. */
  geonames?: number;
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  kind: "country" | "region" | "county" | "city";
  lat: number;
  lon: number;
  /** 0.5–1: how clearly the article picks this record over its namesakes. */
  confidence: number;
}

export type Gender = "female" | "male" | "unknown";

/** Counts by gender. */
export interface GenderCounts {
  female: number;
  male: number;
  unknown: number;
}

/** The source audit of a document's quotes. */
export interface Sources {
  quotes: number;
  attributed: number;
  /** Distinct people quoted by name. */
  people: GenderCounts;
  /** Quotes of people (named or described), by the speaker's gender. */
  quotesByGender: GenderCounts;
  /** Words inside those quotes. */
  wordsByGender: GenderCounts;
  anonymous: number;
  /** anonymous / attributed, 0–1. */
  anonymousShare: number;
  kinds: SourceKinds;
}

/** Quotes by the kind of their source. */
export interface SourceKinds {
  person: number;
  anonymous: number;
  organization: number;
  document: number;
  unattributed: number;
}

/** Who a quote is attributed to. */
export interface Speaker {
  /** The id of the speaking entity; absent when the source is not named. */
  entity?: string;
  /** The entity's name, or the description of an unnamed source ("a senior official"). */
  name: string;
  /** A person described and never named ("a senior official"). */
  anonymous?: boolean;
  /** For a person, named or described: their gender; absent for organizations and texts. */
  gender?: Gender;
  /** How the speaker was found (docs/format.md); "editor" when a correction set it. */
  basis?: SpeakerBasis;
  /** 0–1, two decimals: the calibrated chance the speaker is right; 1 when an editor set it. */
  confidence?: number;
}

export type SpeakerBasis = "cue" | "according" | "pronoun" | "colon" | "verb" | "subject" | "link" | "continuation" | "reported" | "previous" | "editor";

/** A quoted passage and who said it. */
export interface Quote extends Mention {
  /** "q1", "q2", … */
  id: string;
  speaker: Speaker | null;
  /** The attribution verb ("said"). */
  cue?: Mention;
  /** A quoted fragment inside the reporter's own sentence. */
  partial?: boolean;
  /** Attributed by carrying over the previous quote's speaker. */
  continuation?: boolean;
  /** The id of the other half of a quote split by its attribution. */
  linked?: string;
  /** True when an editor's correction set its speaker. */
  corrected?: boolean;
}

/** An IPTC Media Topic that the article raises. */
export interface Issue {
  /** The IPTC qcode, "medtop:…". */
  id: string;
  label: string;
  parent?: string;
  parentLabel?: string;
  /** 0–1: a top level's probability; a narrow topic's centrality. */
  score: number;
  /** 0–1: the calibrated probability that the issue's field is right (a narrow topic takes its top level's). */
  confidence: number;
  /** An issue a reader would name (typically 2–6 per article); the page underlines only these by default. */
  salient?: boolean;
  mentions: Mention[];
}

/** The result of annotating one text. */
export interface LedeDocument {
  entities: Entity[];
  quotes: Quote[];
  issues: Issue[];
  /** The source audit; present when there are quotes. */
  sources?: Sources;
  /** Repairs made to the input (such as invalid UTF-8); offsets refer to the repaired text. */
  warnings?: string[];
  /** Where each repair was made: the U+FFFDs [start, end) of the repaired text, and what they replaced. */
  repairs?: Repair[];
}

/** One repair made to the input before analysis (docs/format.md). */
export interface Repair {
  start: number;
  end: number;
  message: string;
}

/** Annotates text in a Web Worker; overlapping calls are answered in order. */
export function annotate(text: string, options?: AnnotateOptions): Promise<LedeDocument>;

/** Loads the annotator ahead of the first call. */
export function preload(): Promise<void>;

/** The <lede-annotator> element (lede-annotator.js). */
export interface LedeAnnotatorElement extends HTMLElement {
  /** The last document, or null before the first annotation. */
  readonly result: LedeDocument | null;
  /** Annotates the text again now. */
  refresh(): void;
  /** The text annotated; setting it annotates that text instead of the source's (null: the source's again). */
  value: string | null;
}

/** Iframe mode: what the embedding page posts to the framed app … */
export interface IframeAnnotateRequest {
  type: "lede:annotate";
  id: string | number;
  text: string;
  options?: AnnotateOptions;
}

/** … and what the app posts back, to the asking origin only. */
export type IframeAnnotateReply =
  | { type: "lede:result"; id: string | number; doc: LedeDocument }
  | { type: "lede:error"; id: string | number; message: string };

/** What the framed app posts to the window that sent the article shown when the reader selects an item (item null when cleared), and again at each step of its navigator (`current`: the index in `mentions` it is on). */
export interface IframeSelectEvent {
  type: "lede:select";
  item: { id: string; layer: string; name: string; mentions: { start: number; end: number }[]; current: number } | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "lede-annotator": LedeAnnotatorElement;
  }
  interface HTMLElementEventMap {
    "lede-annotated": CustomEvent<LedeDocument>;
    "lede-error": CustomEvent<{ message: string }>;
  }
}
