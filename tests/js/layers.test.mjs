// Unit tests of the layer registry and its pure helpers (web/layers.js), and
// of what must agree with it: the palette and the summary's facts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LAYERS, layerByKey, spans, counts, isAnonymous, speakerName, wordCount } from "../../web/layers.js";
import { PALETTE_CSS } from "../../web/palette.js";
import { facts } from "../../web/summary.js";

const doc = {
  entities: [
    { id: "e1", type: "person", name: "Qin Gang", mentions: [{ start: 10, end: 13, text: "Qin" }] },
    { id: "e2", type: "organization", name: "Reuters", mentions: [{ start: 20, end: 27, text: "Reuters" }, { start: 90, end: 200, text: "past the end" }] },
    { id: "e3", type: "event", name: "not a layer", mentions: [{ start: 0, end: 2, text: "no" }] },
  ],
  quotes: [
    { id: "q1", start: 0, end: 5, text: '"No,"', speaker: { entity: "e1", name: "Qin Gang" } },
    { id: "q2", start: 30, end: 40, text: '"Fine."', speaker: { name: "Qin" } },
    { id: "q3", start: 41, end: 50, text: '"Later."', speaker: { name: "a senior official", anonymous: true } },
    { id: "q4", start: 51, end: 60, text: '"Who?"', speaker: null },
  ],
  issues: [
    { id: "medtop:2", label: "narrow, lower score", parent: "medtop:1", score: 0.3, mentions: [{ start: 60, end: 64, text: "war" }] },
    { id: "medtop:3", label: "narrow", parent: "medtop:1", score: 0.2, mentions: [] },
    { id: "medtop:1", label: "top level, higher score", score: 0.9, mentions: [] },
    { id: "medtop:4", label: "another top level", score: 0.1, mentions: [] },
  ],
};

test("the registry is complete", () => {
  const lists = new Set(["entities", "quotes", "issues"]);
  for (const l of LAYERS) {
    assert.ok(lists.has(l.list), `${l.key}: list ${l.list}`);
    assert.ok(Number.isInteger(l.depth), `${l.key}: depth`);
    assert.equal(layerByKey.get(l.key), l);
    for (const field of ["label", "short", "one", "tag"]) assert.ok(l[field], `${l.key}: ${field}`);
  }
  assert.equal(new Set(LAYERS.map((l) => l.key)).size, LAYERS.length, "keys are unique");
});

test("the palette colours every layer of the registry", () => {
  for (const l of LAYERS) {
    assert.match(PALETTE_CSS, new RegExp(`--${l.key}-bg:`), `${l.key} has a tint`);
    assert.match(PALETTE_CSS, new RegExp(`--${l.key}-line:`), `${l.key} has a line`);
  }
});

test("spans lists the spans inside the text, of known layers only", () => {
  const got = spans(doc, 100).map((s) => `${s.layer}:${s.ref}:${s.start}-${s.end}`);
  assert.deepEqual(got, [
    "person:e1:10-13",
    "organization:e2:20-27",
    "quote:q1:0-5",
    "quote:q2:30-40",
    "quote:q3:41-50",
    "quote:q4:51-60",
    "issue:medtop:2:60-64",
  ]);
  assert.deepEqual(spans({}, 10), [], "an empty document");
  assert.deepEqual(spans({ quotes: [{ id: "q", start: 5, end: 5 }, { id: "r", start: -1, end: 2 }, { id: "s", start: 1.5, end: 3 }] }, 10), [], "empty, negative, fractional");
});

test("counts counts the items of each layer", () => {
  assert.deepEqual(counts(doc), { person: 1, place: 0, organization: 1, quote: 4, issue: 4 });
});

test("isAnonymous follows the document's speaker.anonymous", () => {
  const cases = [
    ["a named entity", doc.quotes[0], false],
    ['a name without an entity ("No," Qin said.)', doc.quotes[1], false],
    ["a source the article does not name", doc.quotes[2], true],
    ["no speaker", doc.quotes[3], false],
  ];
  for (const [name, q, want] of cases) assert.equal(isAnonymous(q), want, name);
});

test("speakerName and wordCount", () => {
  assert.equal(speakerName(doc.quotes[0]), "Qin Gang");
  assert.equal(speakerName(doc.quotes[3]), "Unattributed");
  assert.equal(wordCount("“It’s a well-known fact,” 3 times."), 6);
  assert.equal(wordCount("— … —"), 0);
});

test("the summary keeps the document's issue order and counts anonymous sources as Go marks them", () => {
  const f = facts(doc);
  assert.deepEqual(f.topIssues.map((i) => i.id), ["medtop:2", "medtop:3", "medtop:1"]);
  assert.equal(f.anonymous, 1);
  assert.equal(f.quotes, 4);
  assert.equal(f.people, 1);
  assert.equal(f.quotedPeople, 1);
});
