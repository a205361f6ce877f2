// The three numbers beside the hard/easy chart (focal/ui/drag_ratio.py). The
// chart's script hands over the strings Python formatted; this one shows them.
const reg = (globalThis.focalRatio ??= { grids: {}, curves: {}, n: 0 });

export default function ({ data, parentElement: root }) {
  const terms = root.querySelectorAll("dt"), values = root.querySelectorAll("dd");
  data.labels.forEach((label, i) => (terms[i].textContent = label));
  reg.show = (now) => now.forEach((value, i) => (values[i].textContent = value));
  if (reg.now) reg.show(reg.now);
}
