// The hard/easy ratio chart's mount (focal/ui/drag_ratio.py): drawn by `mount`
// from drag_ratio.js, which the grid mount loads once; until it has, wait for it.
const reg = (globalThis.focalRatio ??= { grids: {}, curves: {}, n: 0 });

export default function (args) {
  if (reg.mount) reg.mount(args);
  else reg.pending = args;
}
