// The HTML report's inline stylesheet and its optional filter script (the page reads fine without it).

export const STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --dev: #9a6700; --na: #57606a; --fixed: #0969da; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
  margin: 0 auto; padding: 1.5rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
h4 { font-size: .85rem; margin: .5rem 0 .25rem; text-transform: uppercase; color: #57606a; }
code, pre { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: .5rem;
  margin: 0 0 .5rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #d8dee4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.area th { background: #f6f8fa; font-weight: 600; }
.verdict { display: inline-block; font-weight: 700; padding: .1rem .6rem; border-radius: 4px; color: #fff; }
.verdict.passed { background: var(--pass); } .verdict.failed { background: var(--fail); }
.verdict.empty { background: var(--na); }
.tiles { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; padding: 0; list-style: none; }
.tiles li { border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .8rem; min-width: 8rem; }
.tiles b { display: block; font-size: 1.4rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt { color: #57606a; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.outcome { font-weight: 600; white-space: nowrap; }
.o-passed { color: var(--pass); } .o-failed { color: var(--fail); }
.o-known-deviation { color: var(--dev); } .o-not-applicable { color: var(--na); }
.o-fixed-deviation { color: var(--fixed); }
article.check { border: 1px solid #d0d7de; border-left: 4px solid var(--fail); border-radius: 4px;
  padding: .75rem 1rem; margin: 0 0 1rem; }
article.check[data-outcome="known-deviation"] { border-left-color: var(--dev); }
td.id, td.num { white-space: nowrap; }
.message { font-weight: 600; }
details.exchange { margin: .5rem 0; } details.exchange > summary { cursor: pointer; font-weight: 600; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
.filters { margin: .5rem 0; } .filters label { margin-right: 1rem; }
@media print { details.exchange { break-inside: avoid; } .filters { display: none; } }
`;

/** Reveals the outcome filters and hides requirement rows whose outcome is unticked. */
export const FILTER_SCRIPT = `
const bar = document.getElementById('filters');
if (bar) {
  bar.hidden = false;
  const apply = () => {
    const shown = new Set([...bar.querySelectorAll('input:checked')].map((box) => box.value));
    for (const row of document.querySelectorAll('tr[data-outcome]')) {
      row.hidden = !shown.has(row.dataset.outcome);
    }
  };
  bar.addEventListener('change', apply);
}
`;
