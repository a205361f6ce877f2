// The Explorer's on-drag chart (focal/ui/drag.py). Every path, marker row and
// number arrives precomputed by the NumPy core: on each `input` event this
// script only picks the entry of the current slider step. No formula here.
// It runs in the hidden grid mount, whose message is the same on every commit
// (a cached reference); the chart mount's own script only calls `mount`.
const reg = (globalThis.focalDrag ??= { grids: {}, n: 0 });

export default function keep({ data }) {
  reg.grids[data.id] = data;
  reg.mount = mount;
  const waiting = reg.pending;        // the chart mount ran first: draw it now
  reg.pending = null;
  if (waiting) mount(waiting);
}

function mount(args) {
  const { data, parentElement: root, setStateValue } = args;
  const grid = reg.grids[data.grid];
  if (!grid) {                        // its grid has not arrived yet
    reg.pending = args;
    return;
  }
  const $ = (s) => root.querySelector(s);
  const g = $(".fd-g"), p = $(".fd-p"), box = $(".fd-svg"), hover = $(".fd-hover");
  if (box.dataset.grid !== grid.id) { // a new grid: new axes, legend, CE curve
    box.innerHTML = grid.svg;
    box.dataset.grid = grid.id;
    $(".fd-ce").setAttribute("d", grid.ce);
    if (grid.ce_balanced) $(".fd-ce_balanced").setAttribute("d", grid.ce_balanced);
  }
  const svg = box.querySelector("svg");
  $(".fd-gl").textContent = data.labels.gamma;   // short; the full name for screen readers
  $(".fd-pl").textContent = data.labels.p;
  g.ariaLabel = data.labels.gamma_name;
  p.ariaLabel = data.labels.p_name;
  const at = (el, cx, cy) => { if (el) { el.setAttribute("cx", cx); el.setAttribute("cy", cy); } };
  const step = (input, size) => Math.round(input.value / size);  // slider position -> index

  function draw() {
    const gi = step(g, grid.g_step), pi = step(p, grid.p_step);
    // the point's numbers: along p at the sent γ, else along γ at the sent p
    const [series, i] = gi === Math.round(data.gamma / grid.g_step)
      ? [data.at_gamma, pi] : [data.at_p, gi];
    $(".fd-fl").setAttribute("d", grid.fl[gi]);
    $(".fd-leg-fl").textContent = grid.fl_names[gi];
    at($(".fd-pt-ce"), grid.px[pi], grid.ce_y[pi]);
    at($(".fd-pt-fl"), grid.px[pi], series.fl_y[i]);
    if (grid.ce_balanced_y) at($(".fd-pt-ce_balanced"), grid.px[pi], grid.ce_balanced_y[pi]);
    $(".fd-go").value = (+g.value).toFixed(1);
    $(".fd-po").value = (+p.value).toFixed(2);
    reg.now = {
      values: [grid.p_t[pi], grid.alpha_t, series.modulating[i], grid.ce_s[pi], series.fl[i]],
      say: grid.says[series.say[i]].replace("{times}", series.times[i]),
    };
    if (reg.show) reg.show(reg.now);
  }

  // follow Python (a reset, a link, the sidebar) unless a finger is on a slider
  if (!reg.dragging) { g.value = data.gamma; p.value = data.p; }
  draw();
  for (const [input, name] of [[g, "gamma"], [p, "p"]]) {
    input.oninput = draw;                                   // every step of a drag
    input.onpointerdown = () => (reg.dragging = true);
    input.onpointerup = input.onpointercancel = () => (reg.dragging = false);
    input.onchange = () => {                                 // release, or a key press
      reg.dragging = false;
      setStateValue("commit", { name, value: +input.value, n: ++reg.n });
    };
  }

  // hover: the nearest p step's values, as Python formatted them
  svg.onpointermove = (event) => {
    const m = svg.getScreenCTM(), x = (event.clientX - m.e) / m.a;
    let best = 0;
    grid.px.forEach((px, k) => { if (Math.abs(px - x) < Math.abs(grid.px[best] - x)) best = k; });
    hover.value = grid.hover.replace("{at}", grid.p[best]).replace("{ce}", grid.ce_s[best])
      .replace("{fl}", data.at_gamma.fl[best]);
  };
  svg.onpointerleave = () => (hover.value = grid.hint);
  hover.value = grid.hint;

  // export for slides: the SVG as it is drawn, or a PNG at twice its size
  const name = grid.file.replace("{gamma}", (+g.value).toFixed(1));
  const save = (href, file) => Object.assign(document.createElement("a"),
    { href, download: file }).click();
  const xml = () => new XMLSerializer().serializeToString(svg);
  const [svgButton, pngButton] = [$(".fd-svg-dl"), $(".fd-png-dl")];
  svgButton.textContent = data.labels.svg;
  pngButton.textContent = data.labels.png;
  svgButton.title = pngButton.title = data.labels.help;
  svgButton.onclick = () => save(URL.createObjectURL(
    new Blob([xml()], { type: "image/svg+xml" })), `${name}.svg`);
  pngButton.onclick = () => {
    const image = new Image(), { width, height } = svg.viewBox.baseVal;
    image.onload = () => {
      const canvas = Object.assign(document.createElement("canvas"),
        { width: 2 * width, height: 2 * height });
      canvas.getContext("2d").drawImage(image, 0, 0, 2 * width, 2 * height);
      save(canvas.toDataURL("image/png"), `${name}.png`);
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml());
  };
}
