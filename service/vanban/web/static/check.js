/* vanban "Kiểm tra thể thức" page: sends the form to POST /api/v1/check-format and draws the
 * report without reloading. Plain JavaScript, no build step. Without it the form posts to
 * /kiem-tra and the server renders the same markup (templates/_check_report.html). */
(() => {
  "use strict";
  const form = document.getElementById("kiem-tra-form");
  if (!form || !window.fetch || !window.FormData) return;
  const fileInput = document.getElementById("tep-docx");
  const fileName = document.getElementById("tep-docx-ten");
  const result = document.getElementById("ket-qua");
  const statusLine = document.getElementById("trang-thai");
  const button = form.querySelector("button[type=submit]");
  const apiUrl = form.dataset.apiUrl;
  const maxBytes = Number(form.dataset.maxBytes) || 0;
  const limitText = form.dataset.limit || "";
  const LABELS = { error: "LỖI", warning: "CẢNH BÁO" };
  const MORE_PARAGRAPHS = 12;
  let rules = {};
  try {
    rules = JSON.parse(document.getElementById("danh-muc-quy-tac").textContent);
  } catch (_) { /* titles fall back to rule ids */ }
  let busy = false;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
    return node;
  }

  function where(f) {
    const loc = f.location;
    const quoted = loc.text ? `: “${loc.text}”` : "";
    if (loc.part !== "document") return `Đầu/chân trang${quoted}`;
    if (loc.paragraph_index === null || loc.paragraph_index === undefined) {
      return "Cả văn bản";
    }
    return `Đoạn ${loc.paragraph_index + 1}${quoted}`;
  }

  function more(f) {
    if (f.count <= 1) return "";
    let text = `và ${f.count - 1} chỗ khác`;
    const first = f.location.paragraph_index;
    const others = (f.paragraphs || []).filter((n) => n !== first).map((n) => n + 1);
    if (others.length && f.location.part === "document") {
      text += `: đoạn ${others.slice(0, MORE_PARAGRAPHS).join(", ")}${others.length > MORE_PARAGRAPHS ? ", …" : ""}`;
    }
    return text;
  }

  function badge(severity) {
    return el("span", { class: `badge badge--${severity}` },
      el("span", { "aria-hidden": "true" }, severity === "error" ? "✕ " : "! "),
      LABELS[severity] || severity);
  }

  function fact(label, value, kind) {
    return el("div", { class: kind ? `fact fact--${kind}` : "fact" }, el("dt", {}, label), el("dd", {}, ...value));
  }

  function finding(f) {
    const facts = el("dl", { class: "finding__facts" });
    if (f.expected) facts.append(fact("Cần", [f.expected], "expected"));
    if (f.found) facts.append(fact("Thấy", [f.found], "found"));
    const extra = more(f);
    facts.append(fact("Vị trí", extra ? [where(f), " ", el("span", { class: "fact__more" }, `(${extra})`)] : [where(f)]));
    facts.append(fact("Căn cứ", [f.source], "source"));
    return el("li", { class: `finding finding--${f.severity}` },
      el("h3", { class: "finding__title" }, badge(f.severity), " ",
        el("span", { class: "finding__name" }, f.title || rules[f.rule_id] || ""), " ",
        el("code", { class: "finding__rule" }, f.rule_id)),
      el("p", { class: "finding__message" }, f.message),
      facts);
  }

  function stat(label, value, kind, note) {
    return el("div", { class: `stat stat--${kind}` }, el("dt", {}, label),
      el("dd", {}, String(value), note ? " " : "", note ? el("span", { class: "stat__note" }, note) : ""));
  }

  function showReport(report, fileName) {
    let verdict = "Chưa đạt thể thức.";
    if (report.ok) verdict = report.warnings ? "Đạt thể thức, còn cảnh báo nên xem lại." : "Đạt thể thức.";
    const stats = el("dl", { class: "stats" },
      stat("Số lỗi", report.errors, "error"),
      stat("Số cảnh báo", report.warnings, "warning"),
      stat("Thể thức", report.family_name, "wide", `(${report.detected ? "tự nhận biết" : "theo lựa chọn"})`));
    if (fileName) stats.append(stat("Tệp", fileName, "wide"));
    const parts = [el("div", { class: `verdict verdict--${report.ok ? "ok" : "bad"}`, id: "ket-qua-tom-tat", tabindex: "-1" },
      el("p", { class: "verdict__text" }, verdict), stats)];
    if (report.findings.length) {
      parts.push(el("ol", { class: "findings", "aria-label": "Các lỗi và cảnh báo" }, ...report.findings.map(finding)));
    } else {
      parts.push(el("p", { class: "summary summary--ok" }, "Không thấy lỗi hay cảnh báo nào."));
    }
    const failed = new Set(report.findings.map((f) => f.rule_id));
    const list = el("ul", { class: "rules" }, ...report.rules_checked.map((id) => el("li",
      { class: failed.has(id) ? "rule--failed" : "rule--passed" },
      el("span", { "aria-hidden": "true" }, failed.has(id) ? "✕" : "✓"), ` ${rules[id] || id} `,
      el("code", {}, id), " ",
      el("span", { class: "visually-hidden" }, failed.has(id) ? "(có lỗi hoặc cảnh báo)" : "(đạt)"))));
    parts.push(el("details", { class: "guide rules-checked" },
      el("summary", {}, `Các quy tắc đã kiểm tra (${report.rules_checked.length})`), list));
    result.replaceChildren(...parts);
  }

  function showProblem(body) {
    const problems = Array.isArray(body.problems) && body.problems.length ? body.problems
      : [{ message: body.detail || "Có lỗi." }];
    result.replaceChildren(
      el("p", { class: "summary summary--bad", id: "ket-qua-tom-tat", tabindex: "-1" }, body.title || "Có lỗi"),
      el("ol", { class: "problems" }, ...problems.map((p) => el("li", { class: "problem" },
        el("span", { class: "problem__message" }, p.message || p.message_en || "")))));
  }

  async function problemFrom(response) {
    try {
      const body = await response.json();
      if (body && Array.isArray(body.problems)) return body;
    } catch (_) { /* not JSON */ }
    return { title: "Lỗi máy chủ", problems: [{ message: `Máy chủ trả lỗi ${response.status}.` }] };
  }

  function focusSummary() {
    const summary = document.getElementById("ket-qua-tom-tat");
    if (summary) summary.focus({ preventScroll: true });
    const panel = result.closest("section") || result;
    const top = panel.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) panel.scrollIntoView({ block: "start" });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const file = fileInput.files && fileInput.files[0];
    if (!file) {
      statusLine.textContent = "Chưa chọn tệp .docx.";
      fileInput.focus();
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      showProblem({ title: "Tệp quá lớn", problems: [{ message: `Tệp vượt quá giới hạn ${limitText}; hãy gửi tệp nhỏ hơn (ví dụ nén ảnh trong văn bản).` }] });
      statusLine.textContent = `Tệp “${file.name}” quá lớn.`;
      focusSummary();
      return;
    }
    busy = true;
    button.setAttribute("aria-disabled", "true");
    result.setAttribute("aria-busy", "true");
    statusLine.textContent = `Đang kiểm tra “${file.name}”…`;
    try {
      const response = await fetch(apiUrl, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      if (response.ok) {
        const report = await response.json();
        showReport(report, file.name);
        statusLine.textContent = `Đã kiểm tra “${file.name}”: ${report.errors} lỗi, ${report.warnings} cảnh báo.`;
      } else {
        const body = await problemFrom(response);
        showProblem(body);
        statusLine.textContent = `${body.title || "Có lỗi"}.`;
      }
    } catch (_) {
      showProblem({ title: "Không kết nối được máy chủ", problems: [{ message: "Kiểm tra kết nối mạng rồi thử lại." }] });
      statusLine.textContent = "Không kết nối được máy chủ.";
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
      result.removeAttribute("aria-busy");
    }
    focusSummary();
  });

  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    if (fileName) fileName.textContent = file ? file.name : "Chưa chọn tệp";
    statusLine.textContent = file ? `Đã chọn “${file.name}”; bấm “Kiểm tra thể thức”.` : "";
  });
})();
