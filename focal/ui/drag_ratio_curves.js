// The hard/easy chart's curves (focal/ui/drag_ratio.py): a hidden mount whose
// data does not depend on γ. It only keeps them for drag_ratio.js's `mount`.
const reg = (globalThis.focalRatio ??= { grids: {}, curves: {}, n: 0 });

export default function ({ data }) {
  reg.curves[data.id] = data;
  const waiting = reg.pending;        // the chart mount ran first: draw it now
  if (waiting && reg.mount) { reg.pending = null; reg.mount(waiting); }
}
