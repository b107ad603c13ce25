/* vanban "Thiết kế mẫu" page: sends the form to /api/v1/designer/… and draws the pages and the
 * lint findings without reloading; downloads go through the same API. Plain JavaScript, no
 * build step. Without it the form posts to /thiet-ke and the server renders the same markup
 * (templates/_designer_pages.html and _designer_findings.html). */
(() => {
  "use strict";
  const form = document.getElementById("thiet-ke-form");
  if (!form || !window.fetch || !window.FormData) return;
  const pagesBox = document.getElementById("cac-trang");
  const findingsBox = document.getElementById("loi-mau");
  const statusLine = document.getElementById("trang-thai");
  const dataBox = document.getElementById("du-lieu");
  const previewUrl = form.dataset.previewUrl;
  const annotateUrl = form.dataset.annotateUrl;
  const templatesUrl = form.dataset.exampleUrl;
  let busy = false;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
    return node;
  }

  function badge(severity) {
    return el("span", { class: `badge badge--${severity}` },
      el("span", { "aria-hidden": "true" }, severity === "error" ? "✕ " : "! "),
      severity === "error" ? "LỖI" : "CẢNH BÁO");
  }

  function fact(label, value, kind) {
    return el("div", { class: kind ? `fact fact--${kind}` : "fact" }, el("dt", {}, label), el("dd", {}, value));
  }

  function finding(p) {
    const extra = p.extra || {};
    const severity = extra.severity || "error";
    const facts = el("dl", { class: "finding__facts" }, fact("Vị trí", p.path));
    if (extra.text) facts.append(fact("Đoạn", `“${extra.text}”`));
    if (extra.tag) facts.append(fact("Thẻ", el("code", {}, extra.tag)));
    const shown = extra.placeholder ? `biến in là ${extra.placeholder} (tô vàng)` : "";
    if (extra.mark) {
      const label = `[${severity === "error" ? "Lỗi" : "Cảnh báo"} ${extra.mark}]`;
      facts.append(fact("Trên trang", `đánh dấu ${label}${shown ? ", " + shown : ""}`));
    } else if (shown) facts.append(fact("Trên trang", shown));
    if (extra.fix) facts.append(fact("Cách sửa", extra.fix, "expected"));
    if (extra.folded && extra.folded.length) {
      facts.append(el("div", { class: "fact finding__folded" }, el("dt", {}, "Kéo theo (hết khi sửa lỗi này)"),
        el("dd", {}, el("ul", {}, ...extra.folded.map((m) => el("li", {}, m))))));
    }
    return el("li", { class: `finding finding--${severity}` },
      el("h4", { class: "finding__title" }, badge(severity), " ", el("code", { class: "finding__rule" }, p.code)),
      el("p", { class: "finding__message" }, p.message), facts);
  }

  function stat(label, value, kind) {
    return el("div", { class: `stat stat--${kind}` }, el("dt", {}, label), el("dd", {}, String(value)));
  }

  function drawFindings(report) {
    if (!report) {
      findingsBox.replaceChildren(el("p", { class: "summary", id: "loi-tom-tat" }, "Chưa kiểm tra mẫu."));
      return;
    }
    const verdict = report.errors ? "Mẫu có lỗi cần sửa." : report.warnings ? "Mẫu không có lỗi, còn cảnh báo nên xem." : "Mẫu không có lỗi.";
    const kind = report.kind === "body" ? "mẫu nội dung, đặt trong khối thể thức" : "văn bản đầy đủ";
    findingsBox.replaceChildren(
      el("div", { class: `verdict verdict--${report.errors ? "bad" : "ok"}`, id: "loi-tom-tat" },
        el("p", { class: "verdict__text" }, verdict),
        el("dl", { class: "stats" }, stat("Số lỗi", report.errors, "error"),
          stat("Số cảnh báo", report.warnings, "warning"), stat("Loại mẫu", kind, "wide"))),
      el("ol", { class: "findings", "aria-label": "Các lỗi và cảnh báo của mẫu" }, ...report.problems.map(finding)));
  }

  function drawProblems(title, problems) {
    pagesBox.replaceChildren(
      el("p", { class: "summary summary--bad", id: "trang-tom-tat" }, title),
      el("ol", { class: "problems" }, ...(problems || []).map((p) => el("li", { class: "problem" },
        el("code", { class: "problem__path" }, p.path || "(toàn bộ)"), " ",
        el("span", { class: "problem__message" }, p.message)))));
  }

  function drawPages(body) {
    if (!body.pages.length) {
      const why = body.pdf_problems.length ? body.pdf_problems[0].message : "";
      pagesBox.replaceChildren(el("p", { class: "summary summary--bad", id: "trang-tom-tat" },
        `Đã điền mẫu nhưng chưa vẽ được trang: ${why} Bạn vẫn tải được tệp .docx.`));
      return;
    }
    let note = `${body.page_count} trang`;
    if (body.family) note += ` · thể thức ${body.family}`;
    if (body.data_source.startsWith("example:")) note += ` · dữ liệu mẫu của ${body.data_source.slice(8)}`;
    if (body.lint && body.lint.errors) note += ` · mẫu còn ${body.lint.errors} lỗi, mỗi lỗi được đánh dấu [Lỗi n] ở chỗ của nó`;
    pagesBox.replaceChildren(
      el("p", { class: `summary ${body.lint && body.lint.errors ? "summary--bad" : "summary--ok"}`, id: "trang-tom-tat" }, `${note}.`),
      el("ol", { class: "pages" }, ...body.pages.map((src, i) => el("li", { class: "page" },
        el("img", { src, alt: `Trang ${i + 1} của văn bản xem trước`, class: "page__image" }),
        el("span", { class: "page__number" }, `Trang ${i + 1}`)))));
  }

  function formData() {
    const data = new FormData(form);
    data.delete("action");
    const file = document.getElementById("tep-du-lieu");
    if (!file.files.length) data.delete("data");
    if (!file.files.length && dataBox.value.trim()) data.set("data", dataBox.value);
    return data;
  }

  function filename(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (utf8) return decodeURIComponent(utf8[1]);
    const plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  async function problemsOf(response) {
    try {
      const body = await response.json();
      if (body.lint) drawFindings(body.lint);
      return [body.title || `Lỗi ${response.status}`, body.problems || []];
    } catch (_) {
      return [`Lỗi ${response.status}`, []];
    }
  }

  async function preview() {
    statusLine.textContent = "Đang điền mẫu và vẽ các trang…";
    const started = performance.now();
    const response = await fetch(`${previewUrl}?format=json`, { method: "POST", body: formData() });
    if (!response.ok) {
      const [title, problems] = await problemsOf(response);
      drawProblems(title, problems);
      statusLine.textContent = title;
      return;
    }
    const body = await response.json();
    drawFindings(body.lint);
    drawPages(body);
    statusLine.textContent = `Xong trong ${((performance.now() - started) / 1000).toFixed(1)} giây.`;
  }

  async function download(kind) {
    statusLine.textContent = "Đang chuẩn bị tệp…";
    let response;
    if (kind === "mau-word") {
      const id = form.elements.installed.value || form.elements.schema.value;
      if (!id) {
        statusLine.textContent = "Chọn một mẫu có sẵn để tải mẫu Word của nó.";
        return;
      }
      response = await fetch(form.dataset.wordUrl.replace("__id__", encodeURIComponent(id)));
    } else {
      const url = kind === "annotate" ? annotateUrl : `${previewUrl}?format=${kind}`;
      response = await fetch(url, { method: "POST", body: formData() });
    }
    if (!response.ok) {
      const [title, problems] = await problemsOf(response);
      drawProblems(title, problems);
      statusLine.textContent = title;
      return;
    }
    const blob = await response.blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: filename(response, `mau.${kind === "pdf" ? "pdf" : "docx"}`) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    statusLine.textContent = `Đã tải ${link.download}.`;
  }

  async function example() {
    const chosen = form.elements.installed.value || form.elements.schema.value;
    let id = chosen;
    if (!id) {
      const list = await (await fetch(templatesUrl)).json();
      id = list.templates.length ? list.templates[0].id : "";
    }
    if (!id) return;
    const response = await fetch(`${templatesUrl}/${encodeURIComponent(id)}/example`);
    dataBox.value = JSON.stringify(await response.json(), null, 2);
    statusLine.textContent = `Đã điền dữ liệu mẫu của ${id}.`;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const action = event.submitter ? event.submitter.value : "xem";
    busy = true;
    form.setAttribute("aria-busy", "true");
    try {
      if (action === "mau") await example();
      else if (action === "xem") await preview();
      else await download(event.submitter.dataset.format);
    } catch (error) {
      statusLine.textContent = `Không gửi được yêu cầu: ${error.message}`;
    } finally {
      busy = false;
      form.removeAttribute("aria-busy");
    }
  });
})();
