// Unit tests of the corrections and newsroom lexicon data (web/corrections.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as c from "../../web/corrections.js";

const jupiter = { id: "e2", type: "person", name: "Jupiter" };
const earth = { id: "e3", type: "place", name: "Earth" };
const quote = { id: "q1", start: 132, end: 170 };

test("corrections name things by stable keys", () => {
  assert.deepEqual(c.reject(jupiter), { op: "reject", entity: "person:Jupiter" });
  assert.deepEqual(c.retype(jupiter, "place"), { op: "type", entity: "person:Jupiter", type: "place" });
  assert.deepEqual(c.merge(jupiter, earth), { op: "merge", entity: "person:Jupiter", into: "place:Earth" });
  assert.deepEqual(c.dismiss({ id: "medtop:1" }), { op: "dismiss", issue: "medtop:1" });
  assert.deepEqual(c.anonymous(quote, 1), { op: "anonymous", quote: 132, anonymous: true });
  assert.deepEqual(c.setSpeaker(quote, earth), { op: "speaker", quote: 132, speaker: "place:Earth" });
  assert.deepEqual(c.setSpeaker(quote, { name: " a guide ", anonymous: true }), { op: "speaker", quote: 132, name: "a guide", anonymous: true });
  assert.deepEqual(c.setSpeaker(quote, { name: "  " }), { op: "speaker", quote: 132 });
  assert.deepEqual(c.setSpeaker(quote, null), { op: "speaker", quote: 132 });
});

test("an entity whose mentions read more than one way can be split", () => {
  const eu = { id: "e4", type: "organization", name: "European Union", mentions: [{ text: "European Union" }, { text: "EU" }, { text: "EU" }, { text: "E.U." }] };
  assert.deepEqual(c.splittable(eu), ["EU", "E.U."]);
  assert.deepEqual(c.split(eu, "EU"), { op: "split", entity: "organization:European Union", name: "EU" });
  assert.ok(c.isCorrection(c.split(eu, "EU")));
  assert.deepEqual(c.splittable({ ...eu, mentions: [{ text: "European Union" }, { text: "European Union" }] }), []);
  assert.deepEqual(c.splittable({ ...eu, name: "EU (Brussels)" }), ["EU", "E.U."], "the first reading stays");
  assert.deepEqual(c.splittable({ ...eu, mentions: undefined }), []);
});

test("the list is its own undo stack and is never changed in place", () => {
  const a = c.push([], c.reject(jupiter));
  const b = c.push(a, c.dismiss({ id: "x" }));
  assert.equal(a.length, 1);
  assert.deepEqual(c.undo(b), a);
  assert.deepEqual(c.undo([]), []);
  assert.ok(c.isCorrection(b[1]));
  assert.ok(!c.isCorrection({ op: "delete" }));
  assert.ok(!c.isCorrection(null));
});

test("lexicon entries replace each other by name", () => {
  let lex = c.addEntity(c.emptyLexicon(), { name: " Jupiter ", type: "place" });
  lex = c.addEntity(lex, { name: "the Fed", type: "organization", canonical: "Federal Reserve", role: "central bank" });
  assert.deepEqual(lex.entities, [
    { name: "Jupiter", type: "place" },
    { name: "the Fed", type: "organization", canonical: "Federal Reserve", role: "central bank" },
  ]);
  lex = c.addIgnore(lex, "Jupiter");
  assert.deepEqual(lex, { entities: [{ name: "the Fed", type: "organization", canonical: "Federal Reserve", role: "central bank" }], ignore: ["Jupiter"] });
  lex = c.addEntity(lex, { name: "Jupiter", type: "person", canonical: "Jupiter" });
  assert.deepEqual(lex.ignore, []);
  assert.deepEqual(lex.entities.at(-1), { name: "Jupiter", type: "person" }, "a canonical name equal to the name is left out");
  assert.equal(c.lexiconSize(c.without(lex, "Jupiter")), 1);
  assert.throws(() => c.addEntity(lex, { name: "", type: "place" }), /empty/);
  assert.throws(() => c.addEntity(lex, { name: "X", type: "planet" }), /Unknown type "planet"/);
  assert.throws(() => c.addIgnore(lex, " "), /empty/);
});

test("parseLexicon reads what the manager exports and names bad entries", () => {
  const lex = c.addIgnore(c.addEntity(c.emptyLexicon(), { name: "Jupiter", type: "place", role: "planet" }), "Homes Now");
  assert.deepEqual(c.parseLexicon(JSON.stringify(lex)), lex);
  assert.deepEqual(c.parseLexicon('{"entities": [{"name": "A", "type": "person", "extra": 1}]}'), { entities: [{ name: "A", type: "person" }], ignore: [] });
  assert.throws(() => c.parseLexicon("{"), /not JSON/);
  assert.throws(() => c.parseLexicon("[]"), /is an object/);
  assert.throws(() => c.parseLexicon('{"entities": [{"name": "A", "type": "planet"}]}'), /entities\[0\]: Unknown type/);
  assert.throws(() => c.parseLexicon('{"entities": [7]}'), /entities\[0\] is not an object/);
  assert.throws(() => c.parseLexicon('{"ignore": [3]}'), /ignore\[0\]/);
});

test("annotateOptions carries only what is set", () => {
  assert.deepEqual(c.annotateOptions([], c.emptyLexicon()), {});
  const lex = c.addIgnore(c.emptyLexicon(), "x");
  assert.deepEqual(c.annotateOptions([c.reject(jupiter)], lex), { corrections: [c.reject(jupiter)], lexicon: lex });
});

test("shift keeps the quote offsets with their quotes across an edit", () => {
  const before = 'He said. "Yes," she said. "No," he said.';
  const list = [c.anonymous({ start: 9 }, true), c.setSpeaker({ start: 26 }, { name: "a clerk" }), c.reject(jupiter)];
  const cases = [
    ["typing before both", "Then " + before, [14, 31]],
    ["a cut between them", before.replace(" she said.", ""), [9, 16]],
    ["a paste after both", before + " More.", [9, 26]],
  ];
  for (const [name, after, want] of cases) {
    const got = c.shift(list, before, after);
    assert.deepEqual([got[0].quote, got[1].quote], want, name);
    assert.equal(after.slice(got[0].quote, got[0].quote + 5), '"Yes,', name);
    assert.deepEqual(got[2], list[2], name);
  }
  assert.equal(c.shift(list, before, before), list, "no edit, the same list");
  const noQuotes = [c.reject(jupiter)];
  assert.equal(c.shift(noQuotes, before, "x" + before), noQuotes);
});

test("describe says what each correction does", () => {
  const q = { start: 3 };
  const cases = [
    [c.reject(jupiter), "“Jupiter” is not a name."],
    [c.retype(jupiter, "place"), "“Jupiter” is now a place."],
    [c.split(jupiter, "Jove"), "“Jove” is now a name of its own."],
    [c.setSpeaker(q, { name: "a clerk" }), "The quote is now credited to a clerk."],
    [c.setSpeaker(q, null), "The quote has no speaker now."],
    [c.anonymous(q, true), "The source is now anonymous."],
    [c.dismiss({ id: "medtop:1" }), "The issue is dismissed."],
  ];
  for (const [corr, want] of cases) assert.equal(c.describe(corr), want);
});
