// Unit tests of the pure functions of web/input.js, under node --test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nodeText, markdownToText, normalizeNewlines } from "../../web/input.js";

// A tree of the shape nodeText reads, built from ["TAG", ...children] and
// strings (text nodes).
function tree(spec) {
  if (typeof spec === "string") return { nodeType: 3, nodeName: "#text", data: spec, textContent: spec, firstChild: null, nextSibling: null };
  const [name, ...children] = spec;
  const nodes = children.map(tree);
  nodes.forEach((n, i) => (n.nextSibling = nodes[i + 1] || null));
  return { nodeType: 1, nodeName: name, firstChild: nodes[0] || null, nextSibling: null, textContent: nodes.map((n) => n.textContent).join("") };
}

test("nodeText keeps paragraphs and drops markup", () => {
  const cases = [
    { name: "paragraphs become blank-line separated", html: ["BODY", ["P", "  First  paragraph.\n "], ["P", "Second."]], want: "First paragraph.\n\nSecond." },
    { name: "inline elements join their text", html: ["BODY", ["P", "A ", ["B", "bold"], " and ", ["A", "a link"], "."]], want: "A bold and a link." },
    { name: "a line break stays a line break", html: ["BODY", ["P", "line one", ["BR"], "line two"]], want: "line one\nline two" },
    { name: "scripts, styles and the component are skipped", html: ["BODY", ["SCRIPT", "alert(1)"], ["STYLE", "p{}"], ["LEDE-ANNOTATOR", "rendered"], ["P", "kept"]], want: "kept" },
    { name: "lower-case names (XHTML, SVG) are read as upper case", html: ["body", ["svg", ["title", "icon"]], ["p", "text"], ["p", "more"]], want: "text\n\nmore" },
    { name: "pre keeps its line breaks", html: ["BODY", ["PRE", "a\n  b"], ["P", "c\nd"]], want: "a\nb\n\nc d" },
    { name: "nested blocks make no empty paragraphs", html: ["BODY", ["DIV", ["DIV", ["P", "x"]]], ["UL", ["LI", "y"], ["LI", "z"]]], want: "x\n\ny\n\nz" },
    { name: "empty", html: ["BODY"], want: "" },
  ];
  for (const c of cases) assert.equal(nodeText(tree(c.html)), c.want, c.name);
});

test("markdownToText keeps the prose", () => {
  const cases = [
    ["# Headline\n\nBody text.", "Headline\n\nBody text."],
    ["> a quote", "a quote"],
    ["- one\n- two", "one\ntwo"],
    ["See [the report](https://x.example) and ![chart](c.png).", "See the report and chart."],
    ["**bold** and _italic_ and `code`", "bold and italic and code"],
    ["snake_case_name stays", "snake_case_name stays"],
  ];
  for (const [md, want] of cases) assert.equal(markdownToText(md), want, md);
});

test("normalizeNewlines makes every line end a \\n", () => {
  assert.equal(normalizeNewlines("a\r\nb\rc\nd"), "a\nb\nc\nd");
});
