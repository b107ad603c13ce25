/* vanban: the form generated from a document type's JSON Schema (plain JavaScript, no build).
 *
 * The page holds <section id="bieu-mau" data-…> (the URLs below) and the JSON tab (the
 * server-rendered <form id="soan-thao"> with its textarea #du-lieu, enhanced by app.js).
 * This script draws one control per schema field (labels from the schema's Vietnamese
 * `title`, help from its `description`), keeps what the clerk typed in `state` (lenient:
 * "20/06/2024", "8,5"), sends it to the normalise endpoint, which answers with the strict data,
 * the notes (how a value was understood) and every problem at once; each problem is shown next
 * to its field (aria-invalid, aria-describedby) and in a summary at the top.
 * The state is kept in localStorage per document type; nothing is replaced without asking.
 */
(() => {
  "use strict";
  const root = document.getElementById("bieu-mau");
  if (!root) return;
  const cfg = root.dataset;
  const FAMILY_NAMES = { "nha-nuoc": "Nhà nước", dang: "Đảng", "cong-doan": "Công đoàn" };
  const families = (cfg.families || "nha-nuoc dang cong-doan").split(" ");
  const storageKey = `vanban.bieu-mau.${cfg.templateId}`;
  const fieldsBox = document.getElementById("bm-truong");
  const summaryBox = document.getElementById("bm-tom-tat");
  const statusLine = document.getElementById("bm-trang-thai");
  const jsonArea = document.getElementById("du-lieu");
  const tabs = Array.from(document.querySelectorAll("[role=tab][data-tab]"));

  let schema = null;
  let defs = {};
  let state = {};
  let baseline = "{}"; // the state as last loaded or saved: anything else is an unsaved edit
  let strict = null; // the normalised data of the last check
  let problems = [];
  let notes = [];
  let fileProblems = []; // a file that could not be read: listed until the next file loads
  let badFile = "";
  let timer = null;
  let seq = 0;
  let busy = false;

  // ------------------------------------------------------------------ small helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "value") node.value = value;
      else if (key === "checked") node.checked = Boolean(value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }
  const say = (text) => { statusLine.textContent = text; };
  const clone = (value) => JSON.parse(JSON.stringify(value));

  /** ["noi_dung", "nhom", 0, "ten"] → "noi_dung.nhom[0].ten" (the API's problem paths). */
  function pathText(path) {
    let out = "";
    for (const part of path) {
      if (typeof part === "number") out += `[${part}]`;
      else out += out ? `.${part}` : part;
    }
    return out;
  }
  const fid = (path) => `f:${pathText(path)}`;

  function getAt(obj, path) {
    let node = obj;
    for (const part of path) {
      if (node === null || node === undefined) return undefined;
      node = node[part];
    }
    return node;
  }

  function setAt(obj, path, value) {
    let node = obj;
    for (let i = 0; i < path.length - 1; i += 1) {
      const part = path[i];
      if (node[part] === null || typeof node[part] !== "object") {
        node[part] = typeof path[i + 1] === "number" ? [] : {};
      }
      node = node[part];
    }
    const last = path[path.length - 1];
    if (value === undefined && !Array.isArray(node)) delete node[last];
    else node[last] = value === undefined ? "" : value;
  }

  /** The data without empty optional fields: empty strings and empty objects are left out. */
  function pruned(value) {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? "" : pruned(v)));
    if (value && typeof value === "object") {
      const out = {};
      for (const [key, v] of Object.entries(value)) {
        const p = pruned(v);
        if (p === "" || p === undefined) continue;
        if (p && typeof p === "object" && !Array.isArray(p) && !Object.keys(p).length) continue;
        out[key] = p;
      }
      return out;
    }
    return value;
  }

  // ------------------------------------------------------------------ schema reading
  function resolve(node) {
    let out = { ...(node || {}) };
    for (let guard = 0; guard < 8; guard += 1) {
      if (out.$ref) {
        const name = out.$ref.split("/").pop();
        const { $ref, ...rest } = out;
        out = { ...(defs[name] || {}), ...rest, _def: name, title: rest.title || defs[name]?.title };
        continue;
      }
      const union = out.anyOf || out.oneOf;
      if (union) {
        const real = union.filter((o) => o.type !== "null");
        const { anyOf, oneOf, ...rest } = out;
        if (real.length === 1) {
          out = { ...real[0], ...rest, nullable: union.length > real.length,
                  title: rest.title || real[0].title };
          continue;
        }
        out = { ...rest, _union: real, nullable: union.length > real.length };
      }
      if (out.allOf && out.allOf.length === 1) {
        const { allOf, ...rest } = out;
        out = { ...allOf[0], ...rest };
        continue;
      }
      break;
    }
    return out;
  }

  const LONG = /^(doan|mo_dau|ket_luan|y|noi_dung|thanh_tich|nhan_xet|ghi_chu|ly_do|mo_ta|tom_tat|bien_phap|nhiem_vu|ket_qua|ton_tai|nguyen_nhan|de_xuat|kien_nghi|phuong_huong)$/;
  const DATE = /(^|_)ngay($|_)|^ngay/;

  function kind(node, name) {
    if (node._union) {
      // A figure that may be a number or words (kế hoạch "98" or "đạt chuẩn"): a text field.
      const plain = node._union.every((o) => ["string", "number", "integer"].includes(o.type));
      return plain ? "text" : "json";
    }
    if (name === "the_thuc" && Array.isArray(node.enum)) return "family";
    if (Array.isArray(node.enum)) return "enum";
    const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
    if (type === "boolean") return "bool";
    if (type === "integer" || type === "number") return "number";
    if (type === "string") {
      if (node.format === "date" || (DATE.test(name || "") && !/ten|noi|so_/.test(name))) return "date";
      if (/YYYY-MM-DD/.test(node.description || "")) return "date";
      return LONG.test(name || "") ? "long" : "text";
    }
    if (type === "array" || node.items) return "array";
    if (type === "object" || node.properties || node.additionalProperties) {
      return node.properties ? "object" : "map";
    }
    return "json";
  }
  const SCALAR = new Set(["enum", "bool", "number", "date", "text", "long", "family"]);

  function label(node, name) {
    const auto = (name || "").split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
    if (node.title && node.title !== auto && node.title !== node._def) return node.title;
    const text = (node.description || "").split(/[.;:(]/)[0].trim();
    if (text && text.length <= 48) return text;
    return auto;
  }

  /** Fields a clerk rarely needs (``x-nang-cao`` in the schema) are folded away. */
  const rare = (node) => node["x-nang-cao"] === true;

  /** Lists that are tables (``x-bang``) are grids; other lists of objects are cards. */
  const isTable = (node) => node["x-bang"] === true;

  // ------------------------------------------------------------------ drawing the form
  function changed(path, value) {
    setAt(state, path, value);
    save();
    schedule();
  }

  function helpId(path) { return `h:${pathText(path)}`; }

  function describe(control, path, hasHelp) {
    const ids = [];
    if (hasHelp) ids.push(helpId(path));
    ids.push(`n:${pathText(path)}`);
    control.setAttribute("aria-describedby", ids.join(" "));
  }

  function scalarControl(node, name, path, value, extra) {
    const k = kind(node, name);
    const id = fid(path);
    const attrs = { id, name: pathText(path), ...(extra || {}) };
    let shown = value === null || value === undefined ? "" : String(value);
    // Numbers read the Vietnamese way: 8,5 (what the clerk types back is understood too).
    if (k === "number" && typeof value === "number") shown = shown.replace(".", ",");
    if (k === "enum") {
      const select = el("select", { ...attrs, class: "select",
        onchange: (e) => changed(path, e.target.value === "" ? undefined : e.target.value) });
      select.append(el("option", { value: "" }, "— chọn —"));
      const options = node.enum.filter((v) => v !== null);
      if (shown && !options.map(String).includes(shown)) options.push(shown);
      const names = node["x-nhan"] || {};
      for (const v of options) select.append(el("option", { value: String(v) }, names[v] || String(v)));
      select.value = shown;
      return select;
    }
    if (k === "bool") {
      return el("input", { ...attrs, type: "checkbox",
        checked: value === true || (value === undefined && node.default === true),
        // Unticked is left out, unless the default is true: then it must say false.
        onchange: (e) => changed(path, e.target.checked ? true
          : node.default === true ? false : undefined) });
    }
    if (k === "long") {
      return el("textarea", { ...attrs, rows: 3, class: "field__text", value: shown,
        oninput: (e) => changed(path, e.target.value === "" ? undefined : e.target.value) });
    }
    const input = el("input", { ...attrs, type: "text", value: shown, autocomplete: "off",
      class: k === "number" ? "field__input field__input--number" : "field__input",
      inputmode: k === "number" ? "decimal" : null,
      placeholder: k === "date" ? "20/06/2024" : null,
      oninput: (e) => changed(path, e.target.value === "" ? undefined : e.target.value) });
    return input;
  }

  function datePicker(input, path, what) {
    const picker = el("input", { type: "date", class: "field__picker", tabindex: "-1",
      "aria-label": `Chọn ngày trên lịch: ${what}`,
      onchange: (e) => {
        const [y, m, d] = (e.target.value || "").split("-");
        if (!y) return;
        input.value = `${d}/${m}/${y}`;
        changed(path, input.value);
      } });
    return picker;
  }

  function field(node, name, path, value, required) {
    const k = kind(node, name);
    const text = label(node, name);
    const plain = (node.description || "").replace(/[.\s]+$/, "");
    const help = plain && plain !== text ? node.description : "";
    const wrap = el("div", { class: `field field--${k}`, "data-path": pathText(path) });
    if (k === "family") {
      const group = el("fieldset", { class: "field__choices", id: fid(path), tabindex: "-1" },
        el("legend", { class: "field__label" }, label(node, name)));
      const chosen = value || families[0];
      if (value === undefined) setAt(state, path, chosen);
      for (const f of families) {
        group.append(el("label", { class: "choice choice--inline" },
          el("input", { type: "radio", name: pathText(path), value: f, checked: f === chosen,
            onchange: () => changed(path, f) }), " ", (node["x-nhan"] || {})[f] || FAMILY_NAMES[f] || f));
      }
      wrap.append(group, el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
      return wrap;
    }
    if (!SCALAR.has(k)) return block(node, name, path, value, required);
    const control = scalarControl(node, name, path, value);
    describe(control, path, Boolean(help));
    const caption = el("label", { for: fid(path), class: "field__label" }, text,
      required ? el("span", { class: "req", title: "bắt buộc" }, "bắt buộc") : null);
    if (k === "bool") {
      wrap.classList.add("field--inline");
      wrap.append(control, caption);
    } else {
      const row = el("div", { class: "field__row" }, control);
      if (k === "date") row.append(datePicker(control, path, text));
      wrap.append(caption, row);
    }
    if (help) wrap.append(el("p", { class: "field__help", id: helpId(path) }, help));
    wrap.append(el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
    return wrap;
  }

  function block(node, name, path, value, required) {
    const k = kind(node, name);
    if (k === "object") return objectBlock(node, name, path, value || {}, required);
    if (k === "array") return arrayBlock(node, name, path, Array.isArray(value) ? value : []);
    if (k === "map") return mapBlock(node, name, path, value || {});
    return jsonBlock(node, name, path, value);
  }

  function legend(node, name, required) {
    return el("legend", { class: "group__title" }, label(node, name),
      required ? el("span", { class: "req" }, "bắt buộc") : null);
  }

  function objectFields(node, path, value, into) {
    const need = new Set(node.required || []);
    const folded = [];
    for (const [name, own] of Object.entries(node.properties || {})) {
      const child = resolve(own);
      const item = field(child, name, [...path, name], value[name], need.has(name));
      if (rare(child) && !need.has(name)) folded.push(item);
      else into.append(item);
    }
    if (folded.length) {
      into.append(el("details", { class: "more" },
        el("summary", {}, "Mục ít dùng (", String(folded.length), ")"), ...folded));
    }
  }

  function objectBlock(node, name, path, value, required) {
    const set = el("fieldset", { class: "group", id: fid(path), tabindex: "-1",
                                 "data-path": pathText(path) });
    if (path.length) set.append(legend(node, name, required));
    if (path.length && node.description) {
      set.append(el("p", { class: "field__help", id: helpId(path) }, node.description));
    }
    set.append(el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
    objectFields(node, path, value, set);
    return set;
  }

  function emptyItem(node) {
    const item = resolve(node.items || {});
    const k = kind(item, "");
    if (k === "object") return {};
    if (k === "array") return [];
    return "";
  }

  function rowButtons(path, index, count, what) {
    const n = index + 1;
    const move = (to) => () => {
      const list = getAt(state, path);
      const [row] = list.splice(index, 1);
      list.splice(to, 0, row);
      redraw(`${fid([...path, to])}`, true);
      save(); schedule();
    };
    return el("span", { class: "row-actions" },
      el("button", { type: "button", class: "icon-button", disabled: index === 0,
                     "aria-label": `Chuyển ${what} ${n} lên`, title: "Lên", onclick: move(index - 1) }, "↑"),
      el("button", { type: "button", class: "icon-button", disabled: index === count - 1,
                     "aria-label": `Chuyển ${what} ${n} xuống`, title: "Xuống", onclick: move(index + 1) }, "↓"),
      el("button", { type: "button", class: "icon-button icon-button--bad",
                     "aria-label": `Xóa ${what} ${n}`, title: "Xóa",
                     onclick: () => {
                       getAt(state, path).splice(index, 1);
                       const next = Math.min(index, count - 2);
                       redraw(next >= 0 ? fid([...path, next]) : `add:${pathText(path)}`);
                       save(); schedule();
                     } }, "✕"));
  }

  function addButton(node, path, what) {
    return el("button", { type: "button", class: "button button--small", id: `add:${pathText(path)}`,
      onclick: () => {
        const list = getAt(state, path);
        if (Array.isArray(list)) list.push(emptyItem(node));
        else setAt(state, path, [emptyItem(node)]);
        const index = getAt(state, path).length - 1;
        redraw(fid([...path, index]));
        save(); schedule();
      } }, `+ Thêm ${what}`);
  }

  function arrayBlock(node, name, path, value) {
    const title = label(node, name);
    const what = "dòng";
    const set = el("fieldset", { class: "group group--list", id: fid(path), tabindex: "-1",
                                 "data-path": pathText(path) },
      el("legend", { class: "group__title" }, title));
    if (node.description) set.append(el("p", { class: "field__help", id: helpId(path) }, node.description));
    set.append(el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
    const item = resolve(node.items || {});
    const ik = kind(item, name);
    if (ik === "object" && isTable(node)) {
      set.classList.add("group--table");
      set.append(grid(node, item, path, value, title));
    } else if (ik === "object") {
      const list = el("ol", { class: "cards-list" });
      value.forEach((row, index) => {
        const rowPath = [...path, index];
        const box = el("fieldset", { class: "group group--item", id: fid(rowPath), tabindex: "-1",
                                     "data-path": pathText(rowPath) },
          el("legend", { class: "group__title" }, `${title} — mục ${index + 1}`),
          rowButtons(path, index, value.length, "mục"));
        objectFields(item, rowPath, row || {}, box);
        list.append(el("li", {}, box));
      });
      set.append(list);
    } else {
      const list = el("ol", { class: "rows" });
      value.forEach((row, index) => {
        const rowPath = [...path, index];
        const control = SCALAR.has(ik)
          ? scalarControl(item, name, rowPath, row, { "aria-label": `${title} ${index + 1}` })
          : block(item, name, rowPath, row, false);
        const line = el("li", { class: "rows__row", "data-path": pathText(rowPath) }, control,
          rowButtons(path, index, value.length, what),
          el("p", { class: "field__note", id: `n:${pathText(rowPath)}`, hidden: true }));
        if (SCALAR.has(ik)) describe(control, rowPath, false);
        list.append(line);
      });
      set.append(list);
    }
    set.append(addButton(node, path, what));
    return set;
  }

  function grid(node, item, path, value, title) {
    const columns = Object.entries(item.properties || {});
    const scalars = columns.filter(([n, p]) => SCALAR.has(kind(resolve(p), n)));
    const others = columns.filter(([n, p]) => !SCALAR.has(kind(resolve(p), n)));
    const need = new Set(item.required || []);
    const head = el("tr", {}, el("th", { scope: "col", class: "grid__n" }, "#"),
      ...scalars.map(([n, p]) => el("th", { scope: "col", title: resolve(p).description || null },
        label(resolve(p), n),
        need.has(n) ? el("span", { class: "req", title: "bắt buộc" }, "*") : null)),
      el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "Thao tác")));
    const body = el("tbody");
    value.forEach((row, index) => {
      const rowPath = [...path, index];
      const tr = el("tr", { id: fid(rowPath), tabindex: "-1", "data-path": pathText(rowPath) },
        el("th", { scope: "row", class: "grid__n" }, String(index + 1)));
      scalars.forEach(([n, p], col) => {
        const cellNode = resolve(p);
        const cellPath = [...rowPath, n];
        const control = scalarControl(cellNode, n, cellPath, (row || {})[n], {
          "aria-label": `${label(cellNode, n)}, dòng ${index + 1}`,
          "data-row": index, "data-col": col });
        describe(control, cellPath, false);
        const wide = !cellNode._union && !["number", "bool", "date"].includes(kind(cellNode, n));
        tr.append(el("td", { "data-path": pathText(cellPath),
                             class: wide ? "grid__cell grid__cell--text" : "grid__cell" }, control,
          el("p", { class: "field__note", id: `n:${pathText(cellPath)}`, hidden: true })));
      });
      tr.append(el("td", {}, rowButtons(path, index, value.length, "dòng")));
      body.append(tr);
      if (others.length) {
        const filled = others.filter(([n]) => {
          const v = (row || {})[n];
          return v !== undefined && v !== null && (typeof v !== "object" || Object.keys(v).length);
        }).map(([n, p]) => label(resolve(p), n).toLowerCase());
        const more = el("details", { class: "more more--row" }, el("summary", {},
          `Chi tiết dòng ${index + 1}`, filled.length ? ` (có ${filled.join(", ")})` : ""));
        const fake = { ...item, properties: Object.fromEntries(others), required: item.required };
        objectFields(fake, rowPath, row || {}, more);
        body.append(el("tr", { class: "grid__more" },
          el("td", { colspan: String(scalars.length + 2) }, more)));
      }
    });
    const table = el("table", { class: "grid", "data-grid": pathText(path) },
      el("caption", { class: "visually-hidden" },
        `${title}: Tab sang ô bên phải, Enter xuống dòng dưới`), el("thead", {}, head), body);
    table.addEventListener("keydown", (e) => gridKeys(e, table, node, path, scalars.length));
    return el("div", { class: "grid-wrap" }, table);
  }

  /** Spreadsheet moves: Enter goes down (a new row after the last), Tab at a row's last cell
   * goes to the next row's first cell; Shift reverses both. */
  function gridKeys(e, table, node, path, width) {
    const cell = e.target;
    if (!cell.dataset || cell.dataset.row === undefined) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const at = (r, c) => table.querySelector(`[data-row="${r}"][data-col="${c}"]`);
    if (e.key === "Enter" && cell.tagName !== "TEXTAREA") {
      e.preventDefault();
      const target = at(row + (e.shiftKey ? -1 : 1), col);
      if (target) { target.focus(); target.select?.(); return; }
      if (!e.shiftKey) {
        getAt(state, path).push(emptyItem(node));
        redraw(null);
        const again = document.querySelector(`[data-grid="${CSS.escape(pathText(path))}"]`);
        again?.querySelector(`[data-row="${row + 1}"][data-col="${col}"]`)?.focus();
        save(); schedule();
      }
    } else if (e.key === "Tab" && !e.shiftKey && col === width - 1) {
      const target = at(row + 1, 0);
      if (target) { e.preventDefault(); target.focus(); }
    } else if (e.key === "Tab" && e.shiftKey && col === 0) {
      const target = at(row - 1, width - 1);
      if (target) { e.preventDefault(); target.focus(); }
    }
  }

  function mapBlock(node, name, path, value) {
    const text = Object.entries(value).map(([k, v]) => `${k}: ${v}`).join("\n");
    const title = label(node, name);
    const numeric = ["integer", "number"].includes(resolve(node.additionalProperties || {}).type);
    const area = el("textarea", { id: fid(path), rows: 3, class: "field__text", value: text,
      oninput: (e) => {
        const out = {};
        for (const line of e.target.value.split("\n")) {
          const at = line.indexOf(":");
          if (at < 1) continue;
          const v = line.slice(at + 1).trim();
          out[line.slice(0, at).trim()] = numeric && v !== "" ? v : v;
        }
        changed(path, Object.keys(out).length ? out : undefined);
      } });
    describe(area, path, true);
    return el("div", { class: "field field--map", "data-path": pathText(path) },
      el("label", { for: fid(path), class: "field__label" }, title),
      area,
      el("p", { class: "field__help", id: helpId(path) },
        `${node.description || ""} Mỗi dòng một mục: “nhãn: nội dung”.`.trim()),
      el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
  }

  function jsonBlock(node, name, path, value) {
    const area = el("textarea", { id: fid(path), rows: 3, class: "field__text field__text--code",
      value: value === undefined ? "" : JSON.stringify(value, null, 1),
      oninput: (e) => {
        const text = e.target.value.trim();
        if (!text) { changed(path, undefined); return; }
        try { changed(path, JSON.parse(text)); } catch (_) { changed(path, text); }
      } });
    describe(area, path, true);
    return el("div", { class: "field", "data-path": pathText(path) },
      el("label", { for: fid(path), class: "field__label" }, label(node, name)), area,
      el("p", { class: "field__help", id: helpId(path) }, node.description || "Giá trị JSON."),
      el("p", { class: "field__note", id: `n:${pathText(path)}`, hidden: true }));
  }

  function redraw(focusId, keepScroll) {
    const y = window.scrollY;
    const open = new Set(Array.from(fieldsBox.querySelectorAll("details[open]"))
      .map((d) => d.parentElement?.dataset.path + "|" + d.querySelector("summary")?.textContent));
    fieldsBox.replaceChildren(objectBlock(schema, "", [], state, true));
    for (const d of fieldsBox.querySelectorAll("details")) {
      if (open.has(d.parentElement?.dataset.path + "|" + d.querySelector("summary")?.textContent)) d.open = true;
    }
    mark();
    if (focusId) {
      const target = document.getElementById(focusId);
      const control = target && (target.matches("input,select,textarea,button") ? target
        : target.querySelector("input,select,textarea"));
      if (control) { openAround(control); control.focus(); }
    }
    if (keepScroll) window.scrollTo(0, y);
  }

  function openAround(node) {
    for (let p = node.parentElement; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
  }

  // ------------------------------------------------------------------ problems and notes
  function findTarget(path) {
    let text = path || "";
    for (;;) {
      const node = document.getElementById(`f:${text}`);
      if (node) return { node, path: text };
      if (!text) return null;
      const cut = Math.max(text.lastIndexOf("."), text.lastIndexOf("["));
      text = cut > 0 ? text.slice(0, cut) : "";
    }
  }

  function labelOf(node) {
    if (!node) return "";
    if (node.id === "f:") return "Toàn bộ dữ liệu";
    const byFor = node.id && document.querySelector(`label[for="${CSS.escape(node.id)}"]`);
    if (byFor) return byFor.firstChild.textContent.trim();
    if (node.getAttribute("aria-label")) return node.getAttribute("aria-label");
    const lg = node.querySelector && node.querySelector("legend");
    return lg ? lg.firstChild.textContent.trim() : "";
  }

  function mark() {
    for (const node of fieldsBox.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
    for (const node of fieldsBox.querySelectorAll("[aria-describedby]")) {
      const ids = node.getAttribute("aria-describedby").split(" ").filter((d) => d && !/^e\d+$/.test(d));
      node.setAttribute("aria-describedby", ids.join(" "));
    }
    for (const node of fieldsBox.querySelectorAll(".field__error")) node.remove();
    for (const node of fieldsBox.querySelectorAll(".field__note")) {
      node.hidden = true; node.textContent = "";
    }
    for (const n of notes) {
      if (n.from !== undefined && String(n.from).trim() === String(n.to)) continue; // "98" → 98
      const found = findTarget(n.path);
      const slot = found && document.getElementById(`n:${found.path}`);
      if (!slot) continue;
      const from = n.from === undefined ? "" : String(n.from);
      slot.textContent = n.message || `${from} → ${n.to}`;
      if (from && n.message && !n.message.includes(from)) slot.textContent = `${from} → ${n.message}`;
      slot.hidden = false;
    }
    const items = [];
    problems.forEach((p, i) => {
      const found = findTarget(p.path || "");
      const where = [p.sheet && `trang tính “${p.sheet}”`, p.row && `dòng ${p.row}`,
                     p.column && `cột ${p.column}`].filter(Boolean).join(", ");
      const message = (where ? `${where}: ` : "") + (p.message || p.message_en || "");
      const id = `e${i}`;
      if (found) {
        const control = found.node;
        const error = el("p", { class: "field__error", id }, message);
        const slot = document.getElementById(`n:${found.path}`);
        if (slot) slot.before(error); else control.after(error);
        control.setAttribute("aria-invalid", "true");
        openAround(control); // a folded part with a mistake in it is shown
        const described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        control.setAttribute("aria-describedby", [id, ...described.filter((d) => !/^e\d+$/.test(d))].join(" "));
        if (control.tagName === "FIELDSET" || control.tagName === "TR") {
          const first = control.querySelector("input,select,textarea");
          // A missing field inside a row: the first cell carries it too.
          if (first && control.tagName === "TR") first.setAttribute("aria-invalid", "true");
        }
      }
      items.push({ id, found, message, label: found ? labelOf(found.node) : "" });
    });
    const fileBlock = [];
    if (fileProblems.length) {
      const list = el("ol", { class: "problems" });
      for (const p of fileProblems) {
        const where = [p.sheet && `trang tính “${p.sheet}”`, p.row && `dòng ${p.row}`,
                       p.column && `cột ${p.column}`].filter(Boolean).join(", ");
        list.append(el("li", { class: "problem" }, (where ? `${where}: ` : "") + (p.message || p.message_en || "")));
      }
      fileBlock.push(el("h3", { class: "form-summary__file" },
        `Tệp “${badFile}” chưa đọc được (${fileProblems.length} lỗi); biểu mẫu giữ nguyên dữ liệu cũ`), list);
    }
    if (!items.length && !fileBlock.length) {
      summaryBox.hidden = true;
      summaryBox.replaceChildren();
      return;
    }
    if (!items.length) {
      summaryBox.replaceChildren(el("h2", { class: "summary summary--bad", id: "bm-tom-tat-tieu-de", tabindex: "-1" },
        "Chưa nhập được tệp"), ...fileBlock);
      summaryBox.hidden = false;
      return;
    }
    const count = items.length === 1 ? "1 lỗi" : `${items.length} lỗi`;
    const list = el("ol", { class: "problems" });
    for (const item of items) {
      const text = item.label ? `${item.label}: ${item.message}` : item.message;
      list.append(el("li", { class: "problem" }, item.found
        ? el("a", { href: `#${item.found.node.id}`, onclick: (e) => {
          e.preventDefault();
          const node = item.found.node;
          openAround(node);
          const control = node.matches("input,select,textarea") ? node
            : node.querySelector("input,select,textarea") || node;
          control.focus();
          control.scrollIntoView({ block: "center" });
        } }, text)
        : el("span", {}, text)));
    }
    summaryBox.replaceChildren(el("h2", { class: "summary summary--bad", id: "bm-tom-tat-tieu-de", tabindex: "-1" },
      `Cần sửa ${count}`), list, ...fileBlock);
    summaryBox.hidden = false;
  }

  // ------------------------------------------------------------------ checking
  async function post(url, body) {
    return fetch(url, { method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Accept: "application/json" } });
  }

  // ``lead``: what just happened (a file imported), kept before the verdict so that the
  // check's answer does not wipe it.
  async function check(lead = "") {
    clearTimeout(timer);
    const mine = ++seq;
    const data = pruned(state);
    let result;
    try {
      const response = await post(cfg.normaliseUrl, data);
      if (response.status === 404 || response.status === 405) {
        // A server without the lenient reader: the strict check (the reading lives on the
        // server only, shared with the Excel import).
        const valid = await post(cfg.validateUrl, data);
        const body = valid.ok ? { problems: [] } : await valid.json().catch(() => ({ problems: [] }));
        result = { data, notes: [], problems: body.problems || [] };
      } else {
        const body = await response.json();
        result = { data: body.data || data, notes: body.notes || [], problems: body.problems || [] };
      }
    } catch (_) {
      result = { data, notes: [], problems: [{ path: "", message: "Không kết nối được máy chủ; kiểm tra mạng rồi thử lại." }] };
    }
    if (mine !== seq) return null;
    strict = result.data;
    notes = result.notes;
    problems = result.problems;
    mark();
    root.dataset.checked = String(seq);
    const verdict = problems.length ? `Còn ${problems.length} lỗi cần sửa.`
      : "Dữ liệu hợp lệ. Bạn có thể tải văn bản.";
    say(lead ? `${lead} ${verdict}` : verdict);
    return result;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => check(), 500);
  }

  // ------------------------------------------------------------------ keeping the work
  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ state, baseline, at: Date.now() }));
    } catch (_) { /* storage full or disabled: the page still works */ }
  }
  const dirty = () => JSON.stringify(pruned(state)) !== baseline;

  // ``keep``: the message stays in front of the check's verdict (an imported file: the clerk
  // must see that the import happened, not only that the data is valid).
  function load(data, what, keep = false) {
    fileProblems = [];
    state = clone(data || {});
    baseline = JSON.stringify(pruned(state));
    redraw(null);
    save();
    say(what);
    check(keep ? what : "");
  }

  function askToReplace(what) {
    return !dirty() || window.confirm(
      `Dữ liệu đang soạn chưa được lưu sẽ bị thay bằng ${what}. Tiếp tục?`);
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function filenameFrom(header) {
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header || "");
    if (star) { try { return decodeURIComponent(star[1]); } catch (_) { /* plain below */ } }
    const plain = /filename\s*=\s*"([^"]*)"/i.exec(header || "");
    return plain ? plain[1] : null;
  }

  async function showFailure(response, file) {
    let body = {};
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    const found = body.problems || [{ path: "", message: body.detail || `Máy chủ trả lỗi ${response.status}.` }];
    if (file) {
      // The file's problems are about the file (sheet, row, column), not the form's fields.
      fileProblems = found;
      badFile = file.name;
    } else {
      problems = found;
    }
    mark();
    document.getElementById("bm-tom-tat-tieu-de")?.focus();
    say(`${body.title || "Có lỗi"}: ${found.length} lỗi.`);
    return found;
  }

  // A file that could not be read (Excel import, a .docx to reopen) leaves the form as it was:
  // the file's problems go in the summary, and the status line says so and then gives the
  // form's own verdict. The check is run here, after the upload's answer, so that it is the
  // last word whatever arrives first (a check scheduled by typing during a slow upload used to
  // finish before it, and the file's message then stood as if it were the form's).
  async function fileFailed(response, file) {
    const found = await showFailure(response, file);
    await check(`Tệp “${file.name}” chưa nhập được (${found.length} lỗi, xem đầu biểu mẫu).`);
    // The check rebuilt the summary: the keyboard goes back to its heading.
    document.getElementById("bm-tom-tat-tieu-de")?.focus();
  }

  async function makeDocument(format, button) {
    if (busy) return;
    busy = true;
    button.setAttribute("aria-disabled", "true");
    say(format === "pdf" ? "Đang tạo PDF (có thể mất vài giây)…" : "Đang tạo văn bản…");
    try {
      const result = await check();
      if (!result) return;
      if (result.problems.length) {
        document.getElementById("bm-tom-tat-tieu-de")?.focus();
        say(`Chưa tạo được văn bản: còn ${result.problems.length} lỗi cần sửa (xem danh sách ở đầu biểu mẫu).`);
        return;
      }
      const response = await post(`${cfg.renderUrl}?format=${format}`, result.data);
      if (!response.ok) { await showFailure(response); return; }
      const name = filenameFrom(response.headers.get("Content-Disposition")) || `van-ban.${format}`;
      download(await response.blob(), name);
      say(`Đã tạo tệp “${name}”.`);
    } catch (_) {
      say("Không kết nối được máy chủ; kiểm tra mạng rồi thử lại.");
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  }

  async function preview(button) {
    const box = document.getElementById("bm-xem-truoc");
    const result = await check();
    if (!result) return;
    if (result.problems.length) {
      say("Sửa các lỗi trước khi xem trước các trang.");
      document.getElementById("bm-tom-tat-tieu-de")?.focus();
      return;
    }
    button.setAttribute("aria-disabled", "true");
    box.setAttribute("aria-busy", "true");
    box.replaceChildren(el("p", { class: "summary" }, "Đang vẽ các trang (có thể mất vài giây)…"));
    try {
      if (cfg.previewKind === "ho-so") { await previewFile(box, result.data); return; }
      const body = new FormData();
      body.append("installed", cfg.templateId);
      body.append("data", JSON.stringify(result.data));
      const response = await fetch(cfg.previewUrl, { method: "POST", body });
      const answer = await response.json();
      if (!response.ok || !answer.pages || !answer.pages.length) {
        const why = (answer.problems || answer.pdf_problems || [])[0];
        box.replaceChildren(el("p", { class: "summary summary--bad" },
          `Chưa xem trước được: ${why ? why.message : `lỗi ${response.status}`}`));
        return;
      }
      const list = el("ol", { class: "pages" });
      answer.pages.forEach((src, i) => list.append(el("li", { class: "page" },
        el("img", { src, class: "page__image", alt: `Trang ${i + 1} của văn bản` }),
        el("span", { class: "page__number" }, `Trang ${i + 1}`))));
      box.replaceChildren(el("p", { class: "summary summary--ok" }, `${answer.pages.length} trang.`), list);
      say(`Xem trước: ${answer.pages.length} trang.`);
    } catch (_) {
      box.replaceChildren(el("p", { class: "summary summary--bad" }, "Không kết nối được máy chủ."));
    } finally {
      button.removeAttribute("aria-disabled");
      box.removeAttribute("aria-busy");
    }
  }

  /** A whole file: each document's pages under its name, with its own PDF button. */
  async function previewFile(box, data) {
    const response = await post(cfg.previewUrl, data);
    const answer = await response.json();
    if (!response.ok) {
      const why = (answer.problems || [])[0];
      box.replaceChildren(el("p", { class: "summary summary--bad" },
        `Chưa xem trước được: ${why ? why.message : `lỗi ${response.status}`}`));
      return;
    }
    const parts = answer.van_ban.map((doc, index) => {
      const list = el("ol", { class: "pages" });
      doc.pages.forEach((src, i) => list.append(el("li", { class: "page" },
        el("img", { src, class: "page__image", alt: `Trang ${i + 1} của ${doc.ten_tep}` }),
        el("span", { class: "page__number" }, `Trang ${i + 1}`))));
      const pdf = el("button", { type: "button", class: "button button--small",
        onclick: async () => {
          say(`Đang tạo PDF “${doc.ten_tep.replace(/\.docx$/, ".pdf")}”…`);
          const got = await post(`${cfg.pdfUrl}?van_ban=${index}`, data);
          if (!got.ok) { await showFailure(got); return; }
          const name = filenameFrom(got.headers.get("Content-Disposition")) || "van-ban.pdf";
          download(await got.blob(), name);
          say(`Đã tạo tệp “${name}”.`);
        } }, `Tải PDF: ${doc.ten_tep.replace(/\.docx$/, "")}`);
      return el("section", { class: "preview__doc" },
        el("h3", {}, `${index + 1}. ${doc.ten_tep}`), pdf, list);
    });
    box.replaceChildren(el("p", { class: "summary summary--ok" },
      `${answer.van_ban.length} văn bản trong hồ sơ.`), ...parts);
    say(`Xem trước: ${answer.van_ban.length} văn bản.`);
  }

  async function upload(url, file) {
    const body = new FormData();
    body.append("file", file, file.name);
    return fetch(url, { method: "POST", body, headers: { Accept: "application/json" } });
  }

  function onFile(id, handler) {
    const input = document.getElementById(id);
    if (!input) return;
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      input.value = "";
      if (file) await handler(file);
    });
  }

  // ------------------------------------------------------------------ tabs (form ⇄ JSON)
  function showTab(name) {
    if (name === "form" && schema && jsonArea.value.trim()) {
      try {
        const parsed = JSON.parse(jsonArea.value);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)
            && JSON.stringify(parsed) !== JSON.stringify(strict)) {
          state = parsed;
          redraw(null);
          save();
          check();
        }
      } catch (_) {
        say("Dữ liệu JSON chưa đúng cú pháp: biểu mẫu giữ dữ liệu trước đó.");
      }
    }
    const current = strict || pruned(state);
    if (name === "json" && schema && (Object.keys(current).length > 1 || jsonArea.value.trim())) {
      jsonArea.value = JSON.stringify(current, null, 2);
      jsonArea.dispatchEvent(new Event("input"));
    }
    for (const tab of tabs) {
      const on = tab.dataset.tab === name;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
    }
  }

  // ------------------------------------------------------------------ start
  async function start() {
    document.getElementById("bm-tabs").hidden = false;
    for (const tab of tabs) {
      tab.addEventListener("click", () => showTab(tab.dataset.tab));
      tab.addEventListener("keydown", (e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const other = tabs[(tabs.indexOf(tab) + 1) % tabs.length];
        other.focus();
        showTab(other.dataset.tab);
      });
    }
    // The page opens on the form; after the JSON tab's own (no-JavaScript) submit, on JSON.
    showTab(cfg.startTab === "json" ? "json" : "form");
    try {
      const response = await fetch(cfg.schemaUrl, { headers: { Accept: "application/json" } });
      schema = await response.json();
    } catch (_) {
      say("Không tải được cấu trúc biểu mẫu; hãy dùng thẻ JSON.");
      showTab("json");
      return;
    }
    defs = schema.$defs || {};
    schema = resolve(schema);
    let restored = null;
    try { restored = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (_) { restored = null; }
    if (restored && restored.state) {
      state = restored.state;
      baseline = restored.baseline || "{}";
      redraw(null);
      const when = new Date(restored.at || Date.now());
      say(`Đã khôi phục dữ liệu đang soạn (lưu lúc ${when.toLocaleTimeString("vi-VN")}).`);
      check();
    } else if (jsonArea.value.trim()) {
      try { load(JSON.parse(jsonArea.value), "Đã nạp dữ liệu."); } catch (_) { load({}, ""); }
    } else {
      state = {};
      redraw(null);
      baseline = JSON.stringify(pruned(state));
      root.dataset.checked = "0";
    }

    document.getElementById("bm-mau").addEventListener("click", async () => {
      if (!askToReplace("dữ liệu mẫu")) return;
      const response = await fetch(cfg.exampleUrl, { headers: { Accept: "application/json" } });
      load(await response.json(), "Đã nạp dữ liệu mẫu; hãy sửa theo văn bản của bạn.");
    });
    document.getElementById("bm-luu").addEventListener("click", () => {
      const data = strict || pruned(state);
      download(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
        `${cfg.templateId}.json`);
      baseline = JSON.stringify(pruned(state));
      save();
      say(`Đã lưu dữ liệu vào tệp “${cfg.templateId}.json”.`);
    });
    onFile("bm-mo", async (file) => {
      let data;
      try {
        data = JSON.parse((await file.text()).replace(/^\uFEFF/, ""));
      } catch (_) {
        problems = [{ path: "", message: `Tệp “${file.name}” không phải dữ liệu JSON đọc được.` }];
        mark();
        return;
      }
      if (askToReplace(`dữ liệu của tệp “${file.name}”`)) load(data, `Đã mở dữ liệu từ tệp “${file.name}”.`);
    });
    onFile("bm-excel", async (file) => {
      if (!askToReplace(`dữ liệu của tệp “${file.name}”`)) return;
      say(`Đang đọc tệp “${file.name}”…`);
      const response = await upload(cfg.importUrl, file);
      if (!response.ok) { await fileFailed(response, file); return; }
      load((await response.json()).data, `Đã nhập dữ liệu từ tệp Excel “${file.name}”.`, true);
    });
    onFile("bm-mo-lai", async (file) => {
      say(`Đang đọc văn bản “${file.name}”…`);
      const response = await upload(cfg.reopenUrl, file);
      if (!response.ok) { await fileFailed(response, file); return; }
      const body = await response.json();
      if (body.template && body.template !== cfg.templateId) {
        if (!window.confirm("Văn bản này thuộc loại khác; mở trang của loại văn bản đó với dữ liệu này?")) return;
        localStorage.setItem(`vanban.bieu-mau.${body.template}`, JSON.stringify(
          { state: body.data, baseline: JSON.stringify(body.data), at: Date.now() }));
        window.location.href = cfg.pageUrl.replace("__ID__", body.template);
        return;
      }
      if (askToReplace(`dữ liệu của văn bản “${file.name}”`)) load(body.data, `Đã mở lại văn bản “${file.name}”: sửa rồi tải văn bản mới.`);
    });
    document.getElementById("bm-xuat-excel")?.addEventListener("click", async () => {
      // What is in the form, as the same workbook "Tải mẫu Excel" gives (to go on in Excel).
      const result = await check();
      if (!result) return;
      const response = await post(cfg.exportUrl, result.data);
      if (!response.ok) { await showFailure(response); return; }
      const name = filenameFrom(response.headers.get("Content-Disposition")) || `${cfg.templateId}.xlsx`;
      download(await response.blob(), name);
      say(`Đã xuất dữ liệu ra tệp Excel “${name}”.`);
    });
    document.getElementById("bm-docx").addEventListener("click", (e) => makeDocument("docx", e.currentTarget));
    document.getElementById("bm-pdf")?.addEventListener("click", (e) => makeDocument("pdf", e.currentTarget));
    document.getElementById("bm-xem").addEventListener("click", (e) => preview(e.currentTarget));
    window.addEventListener("beforeunload", save);
  }

  start();
})();
