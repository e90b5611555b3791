// The example CMS listens to Lede's event to show a one-line summary: what a
// CMS would use to suggest tags or check attributions.
const summary = document.getElementById("lede-summary");
const lede = document.getElementById("lede");

lede.addEventListener("lede-annotated", ({ detail: doc }) => {
  const count = (type) => doc.entities.filter((e) => e.type === type).length;
  summary.textContent = `people ${count("person")} · places ${count("place")} · organizations ${count("organization")} · quotes ${doc.quotes.length}`;
});
lede.addEventListener("lede-error", ({ detail }) => {
  summary.textContent = detail.message;
});
