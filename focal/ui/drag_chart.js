// The on-drag chart's mount (focal/ui/drag.py): drawn by `mount` from drag.js,
// which the grid mount loads once; until it has, wait for it.
const reg = (globalThis.focalDrag ??= { grids: {}, n: 0 });

export default function (args) {
  if (reg.mount) reg.mount(args);
  else reg.pending = args;
}
