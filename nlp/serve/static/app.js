/* nlp serve — the pages' script. Served from the package (Content-Security-Policy: script-src 'self').
   Text from documents is only ever set with textContent or comes from the server already escaped. */
(function () {
  "use strict";

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var page = document.body.getAttribute("data-page");

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  var toastTimer = null;
  function toast(message, isError) {
    var t = $("#toast");
    if (!t) { return; }
    t.textContent = message;
    t.className = isError ? "error" : "";
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, isError ? 8000 : 2500);
  }

  function api(method, url, body) {
    var options = { method: method, headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
                    credentials: "same-origin" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(data.error || ("请求失败（" + response.status + "）")); }
        return data;
      });
    });
  }

  // 署名: kept in a cookie of this browser, sent with every change
  var who = $("#who");
  if (who) {
    who.addEventListener("change", function () {
      document.cookie = "nlp_who=" + encodeURIComponent(who.value.trim()) + "; path=/; max-age=31536000; SameSite=Strict";
      toast("署名已保存：" + (who.value.trim() || "（未署名）"));
    });
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest('[data-action="print"]');
    if (button) { window.print(); }
  });

  // ---------------------------------------------------------------- 文档库
  function initLibrary() {
    var zone = $("#dropzone");
    var list = $("#uploads");
    var queue = [];
    var active = 0;
    var MAX_PARALLEL = 2;
    var watched = {};
    var pollTimer = null;

    function addRow(name) {
      var row = el("li", { "class": "upload-row" });
      row.appendChild(el("span", { "class": "name", title: name }, name));
      var bar = el("progress", { max: "100", value: "0" });
      row.appendChild(bar);
      row.appendChild(el("span", { "class": "state" }, "等待上传"));
      list.insertBefore(row, list.firstChild);
      return row;
    }
    function setState(row, job) {
      var state = $(".state", row);
      var text = job.label || "";
      if (job.state === "done") { text += "：任务 " + (job.directives || 0) + " 条"; }
      if (job.state === "skipped") { text += "（内容相同，未重复保存）"; }
      if (job.error) { text += "：" + job.error; }
      state.textContent = text;
      row.className = "upload-row " + job.state;
      if (job.sha256 && (job.state === "done" || job.state === "skipped") && !$("a", state)) {
        state.appendChild(document.createTextNode(" "));
        state.appendChild(el("a", { href: "/doc/" + job.sha256 }, "打开"));
      }
    }

    function enqueue(files) {
      files.forEach(function (item) {
        queue.push({ file: item.file, name: item.name, row: addRow(item.name) });
      });
      pump();
    }
    function pump() {
      while (active < MAX_PARALLEL && queue.length) {
        active += 1;
        send(queue.shift());
      }
    }
    function send(job) {
      var xhr = new XMLHttpRequest();
      var bar = $("progress", job.row);
      xhr.open("POST", "/api/upload?name=" + encodeURIComponent(job.name));
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      };
      $(".state", job.row).textContent = "上传中";
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = {}; }
        bar.value = 100;
        if (xhr.status >= 400) {
          setState(job.row, { state: "failed", label: "未上传", error: data.error || ("错误 " + xhr.status) });
        } else {
          (data.jobs || []).forEach(function (j, n) {
            var row = job.row;
            if (n > 0 || (data.jobs.length > 1)) {  // a zip: one row per document inside
              row = addRow(j.name);
              $("progress", row).value = 100;
            }
            setState(row, j);
            if (j.state === "queued" || j.state === "running") { watched[j.id] = row; }
          });
          if (data.jobs && data.jobs.length > 1) { setState(job.row, { state: "done", label: "已解压", directives: null }); $(".state", job.row).textContent = "已解压 " + data.jobs.length + " 个文件"; }
          refreshSoon();
        }
        done();
      };
      xhr.onerror = function () {
        setState(job.row, { state: "failed", label: "未上传", error: "连接中断，请重试" });
        done();
      };
      xhr.send(job.file);
    }
    function done() { active -= 1; pump(); poll(); }

    function poll() {
      if (pollTimer) { return; }
      pollTimer = setInterval(function () {
        var ids = Object.keys(watched);
        if (!ids.length) { clearInterval(pollTimer); pollTimer = null; return; }
        api("GET", "/api/jobs?" + ids.map(function (i) { return "id=" + i; }).join("&")).then(function (data) {
          var finished = false;
          data.jobs.forEach(function (j) {
            var row = watched[j.id];
            if (!row) { return; }
            setState(row, j);
            if (j.state !== "queued" && j.state !== "running") { delete watched[j.id]; finished = true; }
          });
          if (finished) { refreshSoon(); }
        }).catch(function () { /* the server may be restarting: try again next time */ });
      }, 1000);
    }
    var refreshTimer = null;
    function refreshSoon() {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () {
        fetch("/fragments/library", { credentials: "same-origin" }).then(function (r) { return r.text(); })
          .then(function (html) { $("#library-table").innerHTML = html; });
      }, 300);
    }

    // files from a drop: folders walked (webkitGetAsEntry), names kept with their folder
    function readEntry(entry, prefix, out) {
      return new Promise(function (resolve) {
        if (entry.isFile) {
          entry.file(function (file) { out.push({ file: file, name: prefix + file.name }); resolve(); }, function () { resolve(); });
        } else if (entry.isDirectory) {
          var reader = entry.createReader();
          var all = [];
          (function more() {
            reader.readEntries(function (entries) {
              if (!entries.length) {
                Promise.all(all.map(function (e) { return readEntry(e, prefix + entry.name + "/", out); })).then(resolve);
              } else { all = all.concat(entries); more(); }
            }, function () { resolve(); });
          })();
        } else { resolve(); }
      });
    }
    zone.addEventListener("keydown", function (e) {  // the box can be reached with Tab: Enter opens the picker
      if (e.target === zone && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); $("#pick-files").click(); }
    });
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("over");
      var items = e.dataTransfer.items;
      var entries = [];
      for (var i = 0; items && i < items.length; i++) {
        var entry = items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null;
        if (entry) { entries.push(entry); }
      }
      if (entries.length) {
        var out = [];
        Promise.all(entries.map(function (en) { return readEntry(en, "", out); })).then(function () { enqueue(out); });
      } else {  // files without entries (some browsers, or files handed over by a script)
        enqueue(Array.prototype.map.call(e.dataTransfer.files, function (f) { return { file: f, name: f.name }; }));
      }
    });
    // a drop beside the zone must not open the file in the browser (and leave the page)
    window.addEventListener("dragover", function (e) { e.preventDefault(); });
    window.addEventListener("drop", function (e) { e.preventDefault(); });
    ["#pick-files", "#pick-folder"].forEach(function (sel) {
      var input = $(sel);
      input.addEventListener("change", function () {
        enqueue(Array.prototype.map.call(input.files, function (f) {
          return { file: f, name: f.webkitRelativePath || f.name };
        }));
        input.value = "";
      });
    });
    $all(".upload-row[data-job]").forEach(function (row) { watched[row.getAttribute("data-job")] = row; });
    poll();

    document.addEventListener("click", function (e) {
      var button = e.target.closest('[data-action="delete"]');
      if (!button) { return; }
      var n = parseInt(button.getAttribute("data-corrections") || "0", 10);
      var message = "从文档库中删除《" + button.getAttribute("data-title") + "》？" + (n ? "它的 " + n + " 条更正也将一并删除。" : "");
      if (!window.confirm(message)) { return; }
      api("DELETE", "/api/documents/" + button.getAttribute("data-sha")).then(function () {
        toast("已删除");
        refreshSoon();
      }).catch(function (err) { toast(err.message, true); });
    });
  }

  // ---------------------------------------------------------------- 文档
  function initDocument() {
    var data = JSON.parse($("#doc-data").textContent);
    var table = $("table.tasks");
    var sha = table.getAttribute("data-sha");
    var text = $("#text");
    var paragraphs = $all("#text > p");
    var panel = $("#details");
    var body = $("#details-body");

    data.dropped.forEach(function (id) { $all('#text [data-item="' + id + '"]').forEach(function (s) { s.classList.add("d-dropped"); }); });
    data.added.forEach(function (id) { $all('#text [data-item="' + id + '"]').forEach(function (s) { s.classList.add("d-added"); }); });

    function flash(node) {
      node.classList.remove("flash");
      void node.offsetWidth;
      node.classList.add("flash");
    }
    function showDetails(id, node) {
      var item = data.details[id];
      if (!item) { return; }
      $all("#text .active").forEach(function (n) { n.classList.remove("active"); });
      if (node) { node.classList.add("active"); }
      body.textContent = "";
      body.appendChild(el("blockquote", {}, item.title));
      var dl = el("dl");
      item.fields.forEach(function (f) { dl.appendChild(el("dt", {}, f[0])); dl.appendChild(el("dd", {}, f[1])); });
      body.appendChild(dl);
      var row = document.getElementById("task-" + id);
      if (row) {
        var go = el("button", { type: "button", "class": "button" }, "在任务清单中查看");
        go.addEventListener("click", function () { row.scrollIntoView({ block: "center" }); flash(row); });
        body.appendChild(go);
      }
      var more = el("details");
      more.appendChild(el("summary", {}, "内部字段（供核查）"));
      more.appendChild(el("pre", {}, JSON.stringify(item.raw, null, 2)));
      body.appendChild(more);
      panel.hidden = false;
      document.body.classList.add("panel-open");
    }
    text.addEventListener("click", function (e) {
      var node = e.target.closest("[data-item]");
      if (node && !window.getSelection().toString()) { showDetails(node.getAttribute("data-item"), node); }
    });
    document.addEventListener("click", function (e) {
      if (e.target.closest('[data-action="close-details"]')) { panel.hidden = true; document.body.classList.remove("panel-open"); }
    });

    function paragraphAt(offset) {
      var i = 0;
      while (i + 1 < data.paragraphs.length && data.paragraphs[i + 1] <= offset) { i++; }
      return paragraphs[i];
    }
    function locate(id, start) {
      var node = $('#text [data-item="' + id + '"]') || paragraphAt(start);
      if (node) { node.scrollIntoView({ block: "center" }); flash(node); showDetails(id, node); }
    }

    // -- editing a cell
    var OPTIONS = { "力度": ["必须", "要", "力争"] };
    function openEditor(cell) {
      if (cell.querySelector(".editor")) { return; }
      var row = cell.closest("tr");
      var field = cell.getAttribute("data-field");
      var current = $(".val", cell).textContent;
      var saved = Array.prototype.slice.call(cell.childNodes);
      var editor = el("div", { "class": "editor" });
      var input;
      if (OPTIONS[field]) {
        input = el("select", { "aria-label": field });
        OPTIONS[field].forEach(function (o) { var opt = el("option", { value: o }, o); if (o === current) { opt.selected = true; } input.appendChild(opt); });
      } else if (field === "任务内容") {
        input = el("textarea", { rows: "4", "aria-label": field, maxlength: "2000" });
        input.value = current;
      } else {
        input = el("input", { type: "text", "aria-label": field, maxlength: "2000" });
        input.value = current;
      }
      var note = el("input", { type: "text", "class": "note", placeholder: "说明（可不填）", "aria-label": "说明", maxlength: "2000" });
      var buttons = el("div", { "class": "buttons" });
      var ok = el("button", { type: "button", "class": "button primary" }, "保存");
      var cancel = el("button", { type: "button", "class": "button" }, "取消");
      buttons.appendChild(ok); buttons.appendChild(cancel);
      editor.appendChild(input); editor.appendChild(note); editor.appendChild(buttons);
      cell.textContent = "";
      cell.appendChild(editor);
      input.focus();
      function close() { cell.textContent = ""; saved.forEach(function (n) { cell.appendChild(n); }); }
      function save() {
        ok.disabled = true;
        change(row, field, input.value, note.value).catch(function () { ok.disabled = false; });
      }
      ok.addEventListener("click", save);
      cancel.addEventListener("click", close);
      editor.addEventListener("keydown", function (e) {
        if (e.key === "Escape") { close(); }
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); save(); }
      });
    }
    function change(row, field, value, note) {
      var item = { id: row.getAttribute("data-id"), start: +row.getAttribute("data-start"),
                   end: +row.getAttribute("data-end"), text: row.getAttribute("data-text") };
      return api("POST", "/api/documents/" + sha + "/corrections", { item: item, field: field, value: value, note: note || "" })
        .then(function (result) {
          row.outerHTML = result.html;
          var fresh = document.getElementById("task-" + result.id);
          if (fresh) { flash(fresh); }
          $all('#text [data-item="' + result.id + '"]').forEach(function (s) { s.classList.toggle("d-dropped", result.dropped); });
          toast(field === "不是任务" ? (result.dropped ? "已移出任务清单" : "已恢复为任务") : "已保存更正");
          renumber();
        })
        .catch(function (err) { toast(err.message, true); throw err; });
    }
    function renumber() {
      var n = 0;
      $all("tbody tr", table).forEach(function (row) {
        var cell = row.cells[0];
        var tag = $(".tag", cell);
        cell.textContent = row.classList.contains("dropped") ? "" : String(++n);
        if (tag) { cell.appendChild(tag); }
      });
    }
    table.addEventListener("click", function (e) {
      var action = e.target.closest("[data-action]");
      var row = e.target.closest("tr");
      if (action && row) {
        var what = action.getAttribute("data-action");
        if (what === "drop") { change(row, "不是任务", "是", ""); }
        if (what === "restore") { change(row, "不是任务", null, ""); }
        if (what === "locate") { locate(row.getAttribute("data-id"), +row.getAttribute("data-start")); }
        return;
      }
      var cell = e.target.closest("td.cell");
      if (cell && !row.classList.contains("dropped") && !e.target.closest(".editor")) { openEditor(cell); }
    });
    table.addEventListener("keydown", function (e) {
      var cell = e.target.closest("td.cell");
      if (cell && e.key === "Enter" && !e.target.closest(".editor")) { e.preventDefault(); openEditor(cell); }
    });

    // -- adding a task from a selected sentence
    var tool = $("#selection-tool");
    var selected = null;
    function offsetIn(node, offset) {
      var p = (node.nodeType === 1 ? node : node.parentNode).closest("#text > p");
      if (!p) { return null; }
      var range = document.createRange();
      range.setStart(p, 0);
      range.setEnd(node, offset);
      return data.paragraphs[paragraphs.indexOf(p)] + range.toString().length;
    }
    text.addEventListener("mouseup", function () {
      setTimeout(function () {
        var sel = window.getSelection();
        if (!sel.rangeCount || sel.isCollapsed) { tool.hidden = true; selected = null; return; }
        var range = sel.getRangeAt(0);
        var start = offsetIn(range.startContainer, range.startOffset);
        var end = offsetIn(range.endContainer, range.endOffset);
        if (start === null || end === null || end <= start) { tool.hidden = true; selected = null; return; }
        selected = { start: start, end: end };
        var rect = range.getBoundingClientRect();
        tool.style.left = (window.scrollX + rect.left) + "px";
        tool.style.top = (window.scrollY + rect.bottom + 6) + "px";
        tool.hidden = false;
      }, 0);
    });
    tool.addEventListener("click", function () {
      if (!selected) { return; }
      api("POST", "/api/documents/" + sha + "/tasks", selected).then(function (result) {
        window.location.hash = "task-" + result.id;
        window.location.reload();
      }).catch(function (err) { toast(err.message, true); });
      tool.hidden = true;
    });

    // -- analysing again
    document.addEventListener("click", function (e) {
      var button = e.target.closest('[data-action="reanalyse"]');
      if (!button) { return; }
      button.disabled = true;
      api("POST", "/api/documents/" + sha + "/reanalyse").then(function (result) {
        toast("已加入分析队列，完成后自动刷新");
        var timer = setInterval(function () {
          api("GET", "/api/jobs?id=" + result.job.id).then(function (d) {
            var j = d.jobs[0];
            if (j.state === "done") { clearInterval(timer); window.location.reload(); }
            if (j.state === "failed") { clearInterval(timer); toast("重新分析失败：" + (j.error || ""), true); button.disabled = false; }
          });
        }, 1000);
      }).catch(function (err) { toast(err.message, true); button.disabled = false; });
    });

    function follow() {
      var hash = decodeURIComponent(window.location.hash.slice(1));
      if (hash.indexOf("pos-") === 0) {
        var p = paragraphAt(parseInt(hash.slice(4), 10));
        if (p) { p.scrollIntoView({ block: "center" }); flash(p); }
      } else if (hash.indexOf("task-") === 0) {
        var row = document.getElementById(hash);
        if (row) { row.scrollIntoView({ block: "center" }); flash(row); }
      }
    }
    window.addEventListener("hashchange", follow);
    follow();
  }

  // ---------------------------------------------------------------- 对照
  function initCompare() {
    var base = $("#base");
    function markBase() {
      $all(".check").forEach(function (label) {
        var isBase = label.getAttribute("data-sha") === base.value;
        label.classList.toggle("is-base", isBase);
        var box = $("input", label);
        box.disabled = isBase;
        if (isBase) { box.checked = false; }
      });
    }
    if (base) { base.addEventListener("change", markBase); markBase(); }
    var matrix = $("#matrix");
    if (!matrix) { return; }
    var panel = $("#details");
    var body = $("#details-body");
    var form = $("#override");
    var current = null;

    function show(cell) {
      var info = JSON.parse($(".cell-data", cell).textContent);
      current = { cell: cell, info: info };
      $all("td.st.active", matrix).forEach(function (c) { c.classList.remove("active"); });
      cell.classList.add("active");
      body.textContent = "";
      body.appendChild(el("p", {}, info.name));
      body.appendChild(el("blockquote", {}, info.item));
      body.appendChild(el("p", {}, "自动判断：" + info.computed_label));
      if (info.change) {
        body.appendChild(el("p", {}, "人工改判为“" + $(".label", cell).textContent + "”：" + info.change.who + "，" + info.change.at +
          (info.change.note ? "；理由：" + info.change.note : "")));
      }
      if (info.evidence.length) {
        body.appendChild(el("h3", {}, "依据原文"));
        info.evidence.forEach(function (ev) { body.appendChild(el("blockquote", {}, ev.text)); });
      } else {
        body.appendChild(el("p", { "class": "hint" }, "该文档中没有找到相关的句子。"));
      }
      var status = cell.className.match(/st-(\w+)/);
      form.elements.status.value = status ? status[1] : "unknown";
      form.elements.note.value = info.change ? info.change.note : "";
      panel.hidden = false;
      document.body.classList.add("panel-open");
    }
    matrix.addEventListener("click", function (e) {
      var cell = e.target.closest("td.st");
      if (cell) { show(cell); }
    });
    matrix.addEventListener("keydown", function (e) {
      var cell = e.target.closest("td.st");
      if (cell && e.key === "Enter") { show(cell); }
    });
    document.addEventListener("click", function (e) {
      if (e.target.closest('[data-action="close-details"]')) { panel.hidden = true; document.body.classList.remove("panel-open"); }
    });
    function save(status) {
      if (!current) { return; }
      var cell = current.cell;
      var payload = { base: matrix.getAttribute("data-base"), others: matrix.getAttribute("data-others").split(","),
                      item: cell.closest("tr").getAttribute("data-item"), other: cell.getAttribute("data-other"),
                      status: status, note: form.elements.note.value };
      api("POST", "/api/compare/status", payload).then(function (r) {
        cell.className = "st st-" + r.status + (r.change ? " overridden" : "") + " active";
        $(".label", cell).textContent = r.label;
        var mark = $(".mark", cell);
        if (r.change && !mark) { cell.insertBefore(el("span", { "class": "mark" }, "✎"), $(".cell-data", cell)); }
        if (!r.change && mark) { mark.remove(); }
        current.info.change = r.change;
        $(".cell-data", cell).textContent = JSON.stringify(current.info);
        show(cell);
        toast(r.change ? "已改判为“" + r.label + "”" : "已恢复自动判断");
      }).catch(function (err) { toast(err.message, true); });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); save(form.elements.status.value); });
    document.addEventListener("click", function (e) {
      if (e.target.closest('[data-action="revert-status"]')) { save(null); }
    });
  }

  if (page === "library") { initLibrary(); }
  if (page === "document") { initDocument(); }
  if (page === "compare") { initCompare(); }
})();
