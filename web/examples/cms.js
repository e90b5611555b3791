// The example CMS listens to Lede's event to show a one-line summary: what a
// CMS would use to suggest tags or check attributions.
const summary = document.getElementById("lede-summary");
const lede = document.getElementById("lede");

lede.addEventListener("lede-annotated", ({ detail: doc }) => {
  const count = (type) => doc.entities.filter((e) => e.type === type).length;
  summary.textContent = `${count("person")} people · ${count("place")} places · ${count("organization")} organizations · ${doc.quotes.length} quotes`;
});
lede.addEventListener("lede-error", ({ detail }) => {
  summary.textContent = detail.message;
});
