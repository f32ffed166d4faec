// Small SVG bar charts for reported figures over time (one bar per period; a range shows its upper end faded).
import { fmtNumber, h } from "./util.js";

export function barChart(points) {
  const w = 320, hgt = 150, padL = 8, padB = 22, padT = 18;
  const max = Math.max(1, ...points.map((p) => Number(p.max ?? p.value) || 0));
  const n = points.length;
  const slot = (w - padL * 2) / Math.max(n, 1);
  const bw = Math.min(46, slot * 0.7);
  const y = (v) => padT + (hgt - padT - padB) * (1 - v / max);
  const svg = h("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "bars-svg", role: "img",
    "aria-label": points.map((p) => `${p.label}: ${fmtNumber(p.value)}`).join("; ") });
  svg.append(h("line", { svg: true, class: "axis", x1: padL, x2: w - padL, y1: hgt - padB, y2: hgt - padB }));
  points.forEach((p, i) => {
    const x = padL + slot * i + (slot - bw) / 2;
    const a = h("a", { svg: true, href: p.href });
    if (p.max !== null && p.max !== undefined) {
      a.append(h("rect", { svg: true, class: "bar-range", x, width: bw, y: y(p.max), height: hgt - padB - y(p.max) }));
    }
    a.append(h("rect", { svg: true, class: "bar", x, width: bw, y: y(p.value), height: Math.max(1, hgt - padB - y(p.value)) }));
    a.append(h("title", { svg: true }, `${p.label}: ${fmtNumber(p.value)}${p.max ? "–" + fmtNumber(p.max) : ""} ${p.note || ""}`));
    if (n <= 8) a.append(h("text", { svg: true, class: "val", x: x + bw / 2, y: y(p.max ?? p.value) - 4, "text-anchor": "middle" }, fmtNumber(p.value)));
    if (n <= 8 || i % 2 === (n - 1) % 2) {  // many periods: label every other one, always the latest
      a.append(h("text", { svg: true, class: "lbl", x: x + bw / 2, y: hgt - 6, "text-anchor": "middle" }, p.label));
    }
    svg.append(a);
  });
  return svg;
}
