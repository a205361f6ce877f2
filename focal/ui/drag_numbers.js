// The numbers beside the on-drag chart (focal/ui/drag.py). The chart's script
// hands over the strings Python formatted; this one only shows them.
const reg = (globalThis.focalDrag ??= { grids: {}, n: 0 });

export default function ({ data, parentElement: root }) {
  const terms = root.querySelectorAll("dt"), values = root.querySelectorAll("dd");
  const say = root.querySelector(".fdn-say");
  data.labels.forEach((label, i) => (terms[i].textContent = label));
  reg.show = (now) => {
    now.values.forEach((value, i) => (values[i].textContent = value));
    say.textContent = now.say;
  };
  if (reg.now) reg.show(reg.now);
}
