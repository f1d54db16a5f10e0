// What both console pages build their DOM with, in one place: the simulator (console.js) and the agent inbox
// (inbox.js) are plain ES modules without a framework.

export const $ = (id) => document.getElementById(id);

/** Builds an element; children may be strings, nodes, or nothing (null/undefined/false are skipped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) node.append(child);
  return node;
}
