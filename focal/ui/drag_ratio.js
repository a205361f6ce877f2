// The hard/easy ratio chart (focal/ui/drag_ratio.py). Every path, marker row,
// label and number arrives precomputed by the NumPy core: on each `input` event
// this script only picks the entry of the current slider step. No formula here.
// It runs in the hidden grid mount, whose message is the same on every commit.
const reg = (globalThis.focalRatio ??= { grids: {}, curves: {}, n: 0 });

export default function keep({ data }) {
  reg.grids[data.id] = data;
  reg.mount = mount;
  const waiting = reg.pending;        // the chart mount ran first: draw it now
  reg.pending = null;
  if (waiting) mount(waiting);
}

function mount(args) {
  const { data, parentElement: root, setStateValue } = args;
  const grid = reg.grids[data.grid], curves = reg.curves[data.curves];
  if (!grid || !curves) { reg.pending = args; return; }  // not arrived yet
  const $ = (s) => root.querySelector(s);
  const box = $(".fd-svg"), hover = $(".fd-hover");
  if (box.dataset.grid !== grid.id) { box.innerHTML = grid.svg; box.dataset.grid = grid.id; }
  const svg = box.querySelector("svg");
  svg.querySelector(".fr-ticks").innerHTML = curves.ticks;   // the y axis of this state
  const inputs = { gamma: $(".fr-gamma"), hard: $(".fr-hard"), easy: $(".fr-easy") };
  const steps = { gamma: grid.g_step, hard: grid.p_step, easy: grid.p_step };
  const index = (name, value) => Math.round(value / steps[name]);  // slider position -> index
  const committed = Object.fromEntries(Object.keys(inputs).map((k) => [k, index(k, data[k])]));
  for (const [name, input] of Object.entries(inputs)) {
    $(`.fr-${name}-l`).textContent = grid.labels[name];   // short; the full name for screen readers
    input.ariaLabel = grid.labels[`${name}_name`];
  }
  const place = (el, cy, cx) => {
    el.style.display = cy === null ? "none" : "";      // NaN (0/0): no marker
    if (cy !== null) { el.setAttribute("cx", cx); el.setAttribute("cy", cy); }
  };

  function draw() {
    const at = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, index(k, el.value)]));
    // the curves at the p_t steps shown; the numbers along the slider that moved
    const [drawn, k] = at.easy !== committed.easy ? [curves.at_easy, at.easy] : [curves.at_hard, at.hard];
    const [series, i] = at.hard !== committed.hard ? [data.at_hard, at.hard]
      : at.easy !== committed.easy ? [data.at_easy, at.easy] : [curves.at_gamma, at.gamma];
    $(".fr-ce").setAttribute("d", drawn.ce_d[k]);
    $(".fr-fl").setAttribute("d", drawn.fl_d[k]);
    const x = grid.gx[at.gamma], label = $(".fr-now-label");
    $(".fr-now").setAttribute("d", `M${x},${grid.top}V${grid.bottom}`);
    label.textContent = grid.now[at.gamma];
    label.setAttribute("x", grid.now_x[at.gamma]);
    label.setAttribute("text-anchor", grid.now_anchor[at.gamma]);
    place($(".fr-pt-ce"), series.ce_y[i], x);
    place($(".fr-pt-fl"), series.fl_y[i], x);
    for (const k in inputs) $(`.fr-${k}-o`).value = (k === "gamma" ? grid.g : grid.p)[at[k]];
    reg.now = [series.ce[i], series.fl[i], series.amp[i]];
    if (reg.show) reg.show(reg.now);
  }

  // follow Python (a reset, a link, the sidebar) unless a finger is on a slider
  if (!reg.dragging) for (const [name, input] of Object.entries(inputs)) input.value = data[name];
  draw();
  for (const [name, input] of Object.entries(inputs)) {
    input.oninput = draw;                                   // every step of a drag
    input.onpointerdown = () => (reg.dragging = true);
    input.onpointerup = input.onpointercancel = () => (reg.dragging = false);
    input.onchange = () => {                                // release, or a key press
      reg.dragging = false;
      setStateValue("commit", { name, value: +input.value, n: ++reg.n });
    };
  }

  // hover: the nearest γ step's ratios, as Python formatted them
  svg.onpointermove = (event) => {
    const m = svg.getScreenCTM(), x = (event.clientX - m.e) / m.a;
    let best = 0;
    grid.gx.forEach((gx, k) => { if (Math.abs(gx - x) < Math.abs(grid.gx[best] - x)) best = k; });
    hover.value = grid.hover.replace("{at}", grid.g[best])
      .replace("{ce}", curves.at_gamma.ce[best]).replace("{fl}", curves.at_gamma.fl[best]);
  };
  svg.onpointerleave = () => (hover.value = grid.hint);
  hover.value = grid.hint;

  // export for slides, as the CE and FL chart does: the SVG, or a PNG at twice its size
  const file = () => grid.file.replace("{gamma}", grid.g[index("gamma", inputs.gamma.value)]);
  const save = (href, name) => Object.assign(document.createElement("a"), { href, download: name }).click();
  const xml = () => new XMLSerializer().serializeToString(svg);
  const [svgButton, pngButton] = [$(".fd-svg-dl"), $(".fd-png-dl")];
  [svgButton.textContent, pngButton.textContent] = [grid.labels.svg, grid.labels.png];
  svgButton.title = pngButton.title = grid.labels.help;
  svgButton.onclick = () => save(URL.createObjectURL(new Blob([xml()], { type: "image/svg+xml" })), `${file()}.svg`);
  pngButton.onclick = () => {
    const image = new Image(), { width, height } = svg.viewBox.baseVal;
    image.onload = () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 2 * width, height: 2 * height });
      canvas.getContext("2d").drawImage(image, 0, 0, 2 * width, 2 * height);
      save(canvas.toDataURL("image/png"), `${file()}.png`);
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml());
  };
}
