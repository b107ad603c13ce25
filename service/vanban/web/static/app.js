/* vanban editor page: live validation and downloads through the HTTP API.
 * Plain JavaScript, no build step. Without it the form still works (server-side POST). */
(() => {
  "use strict";
  const form = document.getElementById("soan-thao");
  if (!form) return;
  const textarea = document.getElementById("du-lieu");
  const fileInput = document.getElementById("tep");
  const result = document.getElementById("ket-qua");
  const statusLine = document.getElementById("trang-thai");
  const jump = document.getElementById("xem-loi");
  const fileName = document.getElementById("tep-ten");
  const urls = {
    validate: form.dataset.validateUrl,
    render: form.dataset.renderUrl,
    example: form.dataset.exampleUrl,
  };
  const EMPTY = "Chưa có dữ liệu. Tải tệp JSON lên hoặc dùng dữ liệu mẫu.";
  let seq = 0;
  let timer = null;
  let controller = null;
  let busy = false;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  function summary(text, kind) {
    return el("p", { class: kind ? `summary summary--${kind}` : "summary", id: "ket-qua-tom-tat" }, text);
  }

  // The status line under the buttons and the result panel always change together: each
  // show…() below sets both; an action (download, upload) may then add what it did.
  function showIdle(text) {
    result.replaceChildren(summary(text || EMPTY));
    textarea.removeAttribute("aria-invalid");
    jump.hidden = true;
    statusLine.textContent = "";
    fileInput.value = "";
    fileName.textContent = "Chưa chọn tệp";
  }

  function showValid() {
    result.replaceChildren(summary("Dữ liệu hợp lệ. Bạn có thể tải văn bản.", "ok"));
    textarea.setAttribute("aria-invalid", "false");
    jump.hidden = true;
    statusLine.textContent = "Dữ liệu hợp lệ.";
  }

  function goTo(line, column) {
    const lines = textarea.value.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i += 1) offset += lines[i].length + 1;
    offset += Math.max(column - 1, 0);
    textarea.focus();
    textarea.setSelectionRange(offset, Math.min(offset + 1, textarea.value.length));
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  function showProblems(body) {
    const problems = Array.isArray(body.problems) ? body.problems : [];
    const count = problems.length === 1 ? "1 lỗi" : `${problems.length} lỗi`;
    const list = el("ol", { class: "problems" });
    for (const p of problems) {
      const item = el("li", { class: "problem" },
        el("code", { class: "problem__path" }, p.path || "(toàn bộ dữ liệu)"), " ",
        el("span", { class: "problem__message" }, p.message || p.message_en || ""));
      const where = p.extra || {};
      if (where.line) {
        item.append(" ", el("button", {
          type: "button", class: "link-button",
          onclick: () => goTo(where.line, where.column || 1),
        }, "Đến chỗ lỗi"));
      }
      list.append(item);
    }
    result.replaceChildren(summary(`${body.title || "Có lỗi"}: ${count}.`, "bad"), list);
    textarea.setAttribute("aria-invalid", "true");
    jump.firstElementChild.textContent = `Xem ${count} cần sửa`;
    jump.hidden = false;
    statusLine.textContent = `${body.title || "Có lỗi"}: ${count} — xem mục “Kết quả kiểm tra”.`;
  }

  async function problemFrom(response) {
    try {
      const body = await response.json();
      if (body && Array.isArray(body.problems)) return body;
    } catch (_) { /* not JSON */ }
    return { title: "Lỗi máy chủ", problems: [{ path: "", message: `Máy chủ trả lỗi ${response.status}.` }] };
  }

  const offline = { title: "Không kết nối được máy chủ", problems: [{ path: "", message: "Kiểm tra kết nối mạng rồi thử lại." }] };

  async function validate() {
    const text = textarea.value;
    if (!text.trim()) { showIdle(); return; }
    const mine = ++seq;
    if (controller) controller.abort();
    controller = new AbortController();
    result.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(urls.validate, {
        method: "POST", body: text, signal: controller.signal,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
      });
      const body = response.ok ? null : await problemFrom(response);
      if (mine !== seq) return;
      if (body) showProblems(body); else showValid();
    } catch (error) {
      if (error.name !== "AbortError" && mine === seq) showProblems(offline);
    } finally {
      if (mine === seq) result.removeAttribute("aria-busy");
    }
  }

  function scheduleValidate() {
    clearTimeout(timer);
    timer = setTimeout(validate, 450);
  }

  function filenameFrom(header) {
    if (!header) return null;
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
    if (star) {
      try { return decodeURIComponent(star[1]); } catch (_) { /* fall through */ }
    }
    const plain = /filename\s*=\s*"([^"]*)"/i.exec(header);
    return plain ? plain[1] : null;
  }

  async function download(format, button) {
    if (busy) return;
    clearTimeout(timer);
    const text = textarea.value;
    if (!text.trim()) {
      showIdle();
      statusLine.textContent = "Chưa có dữ liệu để tạo văn bản.";
      textarea.focus();
      return;
    }
    busy = true;
    form.setAttribute("aria-busy", "true");
    button.setAttribute("aria-disabled", "true");
    const signing = format === "pdf-ky-so";
    if (signing) format = "pdf";
    statusLine.textContent = format === "docx" ? "Đang tạo văn bản…" : `Đang tạo tệp .${format} (có thể mất vài giây)…`;
    try {
      const query = signing ? "format=pdf&for_signing=1" : `format=${format}`;
      const response = await fetch(`${urls.render}?${query}`, {
        method: "POST", body: text, headers: { "Content-Type": "application/json" },
      });
      if (!response.ok) {
        showProblems(await problemFrom(response));
        return;
      }
      const blob = await response.blob();
      const name = filenameFrom(response.headers.get("Content-Disposition")) || `van-ban.${format}`;
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: name, hidden: "" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      showValid();
      statusLine.textContent = `Đã tạo tệp “${name}”.`;
    } catch (_) {
      showProblems(offline);
    } finally {
      busy = false;
      form.removeAttribute("aria-busy");
      button.removeAttribute("aria-disabled");
    }
  }

  async function loadExample() {
    if (textarea.value.trim() && !window.confirm(
      "Dữ liệu đang có trong ô JSON sẽ bị thay bằng dữ liệu mẫu. Tiếp tục?")) return;
    try {
      const response = await fetch(urls.example, { headers: { Accept: "application/json" } });
      if (!response.ok) { showProblems(await problemFrom(response)); return; }
      textarea.value = JSON.stringify(await response.json(), null, 2);
    } catch (_) { showProblems(offline); return; }
    textarea.focus();
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
    await validate();
    fileInput.value = "";
    fileName.textContent = "Đang dùng dữ liệu mẫu";
    if (textarea.getAttribute("aria-invalid") === "false") {
      statusLine.textContent = "Đã nạp dữ liệu mẫu (hợp lệ); hãy sửa theo văn bản của bạn.";
    }
  }

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch (_) {
      showProblems({ title: "Không đọc được tệp", problems: [{ path: file.name, message: "Tệp phải được mã hóa UTF-8 (khi lưu, chọn “UTF-8”)." }] });
      return;
    }
    textarea.value = text.replace(/^\uFEFF/, "");
    await validate();
    fileName.textContent = file.name;
    if (textarea.getAttribute("aria-invalid") === "false") {
      statusLine.textContent = `Đã đọc tệp “${file.name}”: dữ liệu hợp lệ.`;
    }
  });

  textarea.addEventListener("input", scheduleValidate);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const button = event.submitter;
    const action = button ? button.value : "kiem-tra";
    if (action === "mau") loadExample();
    else if (button && button.dataset.format) download(button.dataset.format, button);
    else { clearTimeout(timer); validate(); }
  });

  if (textarea.value.trim()) validate();
})();
