// The on-drag chart's grid (focal/ui/drag.py): every curve the NumPy core
// computed, kept in the page for the chart's script. Nothing is drawn here.
const reg = (globalThis.focalDrag ??= { grids: {}, n: 0 });

export default function ({ data }) {
  reg.grids[data.id] = data;
  const waiting = reg.pending;   // the chart ran first: draw it now
  reg.pending = null;
  if (waiting) waiting();
}
