// Quiz page enhancements. Without this file the page still works: every button posts the form.
//
// With it, no answer is lost:
// - every change is saved at once through the API AND kept on this device (localStorage,
//   "framecheck:pending:<attempt>:<question>") until the server confirms it. Each save carries a
//   sequence number (Date.now() * 1000 + a counter, never below the last one used for the attempt,
//   which is kept on the device too), so an older save never overwrites a newer one on the server.
// - when the network drops the page says so, keeps the answers on the device, retries with
//   exponential backoff (capped at 30 s) and at once on `online`, and says "All answers saved."
//   when it has caught up. Every question page load sends whatever is pending for the attempt.
// - while offline, Next / Back / Review show the page from a copy fetched earlier (the pages
//   around the current question are fetched in the background while online, kept per tab in
//   sessionStorage); without a copy the browser goes there with a GET, the answer being safe on
//   the device either way. Final submit waits for pending saves and is refused while offline.
// - two tabs or devices: a newer answer saved elsewhere (a `storage` event from a tab of this
//   browser, or polling the attempt every 15 s while visible) replaces the one shown, and the
//   student is told; a submit elsewhere disables the form and links to the result.
(function () {
  "use strict";

  const PREFIX = "framecheck:";
  const MSG = {
    saving: "Saving…",
    saved: "All answers saved.",
    offline: "Offline: your answers are kept on this device and will be sent when you reconnect.",
    busy: "The server is not answering: your answers are kept on this device and will be sent again shortly.",
    stale: "This question was changed in another tab or device; showing the latest answer.",
    submitted: "This attempt was submitted (in another tab or device), so its answers can no longer change.",
    submitOffline:
      "You are offline, so your answers cannot be submitted yet. They are kept on this device: " +
      "submit again when you are back online.",
    submitPending: "Sending your last answers before submitting…",
    submitUnsent: "Some answers could not be sent yet, so nothing was submitted. Try again in a moment.",
    checkOffline: "Offline: checking an answer and moving on need a connection. Try again when you reconnect.",
  };
  const POLL_MS = 15000;
  const RETRY_FIRST_MS = 1000;
  const RETRY_CAP_MS = 30000;
  const REQUEST_TIMEOUT_MS = 15000;
  const PREFETCH_BEFORE = 2;
  const PREFETCH_AFTER = 4;

  // ------------------------------------------------------------ storage (never throws)

  const memory = new Map(); // stands in when localStorage is unavailable (private mode, quota)

  function getItem(area, key) {
    try {
      return window[area].getItem(key);
    } catch (err) {
      return memory.has(area + key) ? memory.get(area + key) : null;
    }
  }

  function setItem(area, key, value) {
    try {
      window[area].setItem(key, value);
    } catch (err) {
      memory.set(area + key, value);
    }
  }

  function removeItem(area, key) {
    memory.delete(area + key);
    try {
      window[area].removeItem(key);
    } catch (err) {
      /* nothing stored there */
    }
  }

  function keysOf(area, prefix) {
    const keys = [];
    try {
      for (let i = 0; i < window[area].length; i++) {
        const key = window[area].key(i);
        if (key && key.startsWith(prefix)) keys.push(key);
      }
    } catch (err) {
      /* fall through to memory */
    }
    memory.forEach((_, k) => {
      if (k.startsWith(area + prefix)) keys.push(k.slice(area.length));
    });
    return keys;
  }

  function readJson(area, key) {
    const raw = getItem(area, key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch (err) {
      return null;
    }
  }

  const pendingKey = (a, q) => PREFIX + "pending:" + a + ":" + q;
  const knownKey = (a, q) => PREFIX + "known:" + a + ":" + q;
  const seqKey = (a) => PREFIX + "seq:" + a;
  const submittedKey = (a) => PREFIX + "submitted:" + a;
  const tokenKey = (a) => PREFIX + "token:" + a;
  const pageKey = (a, path) => PREFIX + "page:" + a + ":" + path;

  function pendingFor(attemptId) {
    return keysOf("localStorage", PREFIX + "pending:" + attemptId + ":")
      .map((key) => {
        const item = readJson("localStorage", key);
        const questionId = Number(key.split(":").pop());
        return item && { questionId: questionId, answer: item.answer, seq: item.seq };
      })
      .filter(Boolean)
      .sort((x, y) => x.seq - y.seq);
  }

  let counter = 0;

  // Monotonic per attempt, across reloads and tabs of this browser: never below the last one used.
  function nextSeq(attemptId) {
    counter = (counter + 1) % 1000;
    const last = Number(getItem("localStorage", seqKey(attemptId))) || 0;
    const seq = Math.max(Date.now() * 1000 + counter, last + 1);
    setItem("localStorage", seqKey(attemptId), String(seq));
    return seq;
  }

  // ------------------------------------------------------------ the page being shown

  let ctx = null; // {attemptId, questionId, form, type, status, token, csrf, number, total}
  let offline = !navigator.onLine; // navigator.onLine can claim a connection that fails: also ours
  let flushing = null; // the running flush (a promise)
  let again = false;
  let retryTimer = null;
  let retryDelay = RETRY_FIRST_MS;
  let pollTimer = null;
  let submittedShown = false;
  const shownSeq = new Map(); // question id -> seq of the answer shown in the inputs

  const isOffline = () => offline || !navigator.onLine;

  function attemptPaths(attemptId) {
    return {
      question: (n) => "/attempts/" + attemptId + "/questions/" + n,
      review: "/attempts/" + attemptId + "/review",
      result: "/attempts/" + attemptId + "/result",
      state: "/api/v1/attempts/" + attemptId,
      save: (q) => "/api/v1/attempts/" + attemptId + "/answers/" + q,
    };
  }

  function readContext() {
    const main = document.getElementById("main") || document.body;
    const form = document.getElementById("answer-form");
    const csrfInput = document.querySelector("input[name=csrf_token]");
    if (form) {
      const match = (form.dataset.saveUrl || "").match(/\/attempts\/(\d+)\/answers\/(\d+)/);
      if (!match) return null;
      const attemptId = Number(match[1]);
      const where = location.pathname.match(/\/questions\/(\d+)$/);
      const progress = main.querySelector("progress");
      if (form.dataset.token) setItem("sessionStorage", tokenKey(attemptId), form.dataset.token);
      return {
        attemptId: attemptId,
        questionId: Number(match[2]),
        form: form,
        type: form.dataset.type,
        autosave: form.dataset.autosave !== "off",
        status: document.getElementById("save-status"),
        token: form.dataset.token || getItem("sessionStorage", tokenKey(attemptId)),
        csrf: csrfInput ? csrfInput.value : "",
        number: where ? Number(where[1]) : null,
        total: progress ? Number(progress.getAttribute("max")) : null,
      };
    }
    // The review page: its submit form posts to /attempts/<id>/submit.
    const submit = submitForm();
    if (!submit) return null;
    const attemptId = Number(new URL(submit.action, location.href).pathname.match(/\/attempts\/(\d+)\/submit$/)[1]);
    return {
      attemptId: attemptId,
      questionId: null,
      form: null,
      submit: submit,
      status: null,
      token: getItem("sessionStorage", tokenKey(attemptId)),
      csrf: csrfInput ? csrfInput.value : "",
    };
  }

  function submitForm() {
    return Array.from(document.querySelectorAll("main form")).find((f) =>
      /\/attempts\/\d+\/submit$/.test(new URL(f.action, location.href).pathname)
    );
  }

  // A message for the student: in the form's status line, or (review page) a notice above the form.
  function say(text, link) {
    let target = ctx && ctx.status;
    if (!target && ctx && ctx.submit) {
      target = document.getElementById("submit-status");
      if (!target) {
        target = document.createElement("p");
        target.id = "submit-status";
        target.className = "notice";
        target.setAttribute("role", "alert");
        ctx.submit.parentNode.insertBefore(target, ctx.submit);
      }
    }
    if (!target) return;
    target.textContent = text;
    if (link) {
      target.append(" ");
      const a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      target.append(a);
    }
  }

  function authHeaders(json) {
    const headers = json ? { "Content-Type": "application/json" } : {};
    if (ctx.token) headers.Authorization = "Bearer " + ctx.token;
    else if (json) headers["X-CSRFToken"] = ctx.csrf;
    return headers;
  }

  async function request(url, options) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = controller && setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      return await fetch(url, Object.assign({ credentials: "same-origin", cache: "no-store" }, options,
        controller ? { signal: controller.signal } : {}));
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  // ------------------------------------------------------------ answers <-> inputs

  function answerInputs() {
    return Array.from(ctx.form.elements).filter((el) => el.name === "answer");
  }

  function currentAnswer() {
    const values = answerInputs().filter((el) => el.checked).map((el) => el.value);
    if (ctx.type === "classify" || ctx.type === "multiple_choice") return values.length ? { choice: values[0] } : null;
    if (ctx.type === "multi_select") return { choices: values };
    return { spans: values.map((v) => v.split("-").map(Number)) };
  }

  // Tick the inputs for a stored answer: a choice, choices, or spans (a stored span may join
  // several neighbouring words into one phrase: every word inside it is ticked).
  function showAnswer(answer) {
    if (!ctx || !ctx.form || !answer) return;
    const choices = answer.choice !== undefined ? [answer.choice] : answer.choices;
    for (const input of answerInputs()) {
      if (choices) {
        input.checked = choices.includes(input.value);
      } else {
        const [a, b] = input.value.split("-").map(Number);
        input.checked = (answer.spans || []).some(([s, e]) => s <= a && b <= e);
      }
    }
  }

  // ------------------------------------------------------------ saving

  function save() {
    if (!ctx || !ctx.form || !ctx.autosave || submittedShown) return;
    const answer = currentAnswer();
    if (answer === null) return;
    const seq = nextSeq(ctx.attemptId);
    setItem("localStorage", pendingKey(ctx.attemptId, ctx.questionId), JSON.stringify({ answer: answer, seq: seq }));
    shownSeq.set(ctx.questionId, seq);
    flush();
  }

  function forget(attemptId, questionId, seq) {
    const key = pendingKey(attemptId, questionId);
    const stored = readJson("localStorage", key);
    if (stored && stored.seq === seq) removeItem("localStorage", key);
  }

  // Send one pending answer: "ok", "stale", "network" (try again later), "stop" (give up for now).
  async function send(attemptId, item) {
    let response;
    try {
      response = await request(attemptPaths(attemptId).save(item.questionId), {
        method: "PUT",
        headers: authHeaders(true),
        body: JSON.stringify({ answer: item.answer, seq: item.seq }),
      });
    } catch (err) {
      offline = true;
      return "network";
    }
    offline = false;
    const body = await response.json().catch(() => ({}));
    const error = body.error || {};
    if (response.ok) {
      forget(attemptId, item.questionId, item.seq);
      setItem("localStorage", knownKey(attemptId, item.questionId), JSON.stringify({ answer: body.answer, seq: body.seq }));
      return "ok";
    }
    if (response.status === 409 && error.field === "seq") {
      forget(attemptId, item.questionId, item.seq);
      const current = error.current || {};
      setItem("localStorage", knownKey(attemptId, item.questionId), JSON.stringify({ answer: current.answer, seq: current.seq }));
      if (current.seq === item.seq) return "ok"; // another tab of this browser sent this very save
      if (ctx && item.questionId === ctx.questionId && !readJson("localStorage", pendingKey(attemptId, item.questionId))) {
        showAnswer(current.answer);
        shownSeq.set(item.questionId, current.seq);
        return "stale";
      }
      return "ok";
    }
    if (response.status === 409) {
      const state = await fetchState();
      if (state && state.state === "submitted") {
        attemptSubmitted();
        return "stop";
      }
      forget(attemptId, item.questionId, item.seq); // checked, or closed: this answer can never be stored
      say("Not saved: " + (error.message || response.statusText));
      return "stop";
    }
    if (response.status === 422 || response.status === 400) {
      forget(attemptId, item.questionId, item.seq); // the server will never take it
      say("Not saved: " + (error.message || response.statusText));
      return "stop";
    }
    if (response.status === 429 || response.status >= 500) return "busy";
    say("Not saved: " + (error.message || response.statusText) + " Your answers are kept on this device.");
    return "stop"; // 401, 403, 404: signed out or no longer allowed; keep the answers on the device
  }

  // Send everything pending for the attempt, oldest first, one request at a time.
  // A flush asked for while one runs joins it (the running one goes round again).
  function flush() {
    if (!ctx) return Promise.resolve(true);
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = flushAll().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  async function flushAll() {
    const attemptId = ctx.attemptId;
    let sent = 0;
    let stale = false;
    let outcome = "ok";
    try {
      do {
        again = false;
        for (const item of pendingFor(attemptId)) {
          if (sent === 0 && ctx && ctx.form && ctx.attemptId === attemptId) say(MSG.saving);
          const result = await send(attemptId, item);
          sent++;
          if (result === "stale") stale = true;
          else if (result !== "ok") {
            outcome = result;
            break;
          }
        }
      } while (outcome === "ok" && (again || pendingFor(attemptId).length > 0));
    } catch (err) {
      outcome = "busy";
    }
    // The status line is the question page's; on the review page the submit button speaks.
    const onQuestion = ctx && ctx.form && ctx.attemptId === attemptId;
    if (outcome === "network" || outcome === "busy") {
      if (onQuestion && !submittedShown) say(outcome === "network" ? MSG.offline : MSG.busy);
      scheduleRetry();
      return false;
    }
    if (outcome === "ok") {
      retryDelay = RETRY_FIRST_MS;
      if (onQuestion && stale) say(MSG.stale);
      else if (onQuestion && sent > 0) say(MSG.saved);
      return true;
    }
    return false;
  }

  function scheduleRetry() {
    if (retryTimer) return;
    const delay = retryDelay * (0.8 + Math.random() * 0.4);
    retryDelay = Math.min(retryDelay * 2, RETRY_CAP_MS);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      flush();
    }, delay);
  }

  function retryNow() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    retryDelay = RETRY_FIRST_MS;
    offline = false;
    flush().then(() => checkState());
  }

  // ------------------------------------------------------------ other tabs and devices

  async function fetchState() {
    if (!ctx) return null;
    try {
      const response = await request(attemptPaths(ctx.attemptId).state, { headers: authHeaders(false) });
      return response.ok ? await response.json() : null;
    } catch (err) {
      return null;
    }
  }

  async function checkState() {
    if (!ctx || !ctx.form || submittedShown || isOffline()) return;
    const state = await fetchState();
    if (!state || !ctx || !ctx.form) return;
    if (state.state === "submitted") return attemptSubmitted();
    const remote = (state.answers || []).find((a) => a.question_id === ctx.questionId);
    if (!remote || remote.seq === null || remote.seq === undefined) return;
    if (readJson("localStorage", pendingKey(ctx.attemptId, ctx.questionId))) return; // ours is on its way
    const shown = shownSeq.get(ctx.questionId);
    if (shown === undefined) {
      shownSeq.set(ctx.questionId, remote.seq); // the page came from the server with this answer
    } else if (remote.seq > shown) {
      showAnswer(remote.answer);
      shownSeq.set(ctx.questionId, remote.seq);
      say(MSG.stale);
    }
  }

  function attemptSubmitted() {
    if (!ctx) return;
    const attemptId = ctx.attemptId;
    setItem("localStorage", submittedKey(attemptId), "1");
    for (const item of pendingFor(attemptId)) forget(attemptId, item.questionId, item.seq);
    for (const key of keysOf("sessionStorage", PREFIX + "page:" + attemptId + ":")) removeItem("sessionStorage", key);
    if (submittedShown || !ctx.form) return;
    submittedShown = true;
    for (const el of Array.from(ctx.form.elements)) el.disabled = true;
    const fieldset = ctx.form.querySelector("fieldset");
    if (fieldset) fieldset.disabled = true;
    say(MSG.submitted, { href: attemptPaths(attemptId).result, text: "See the result" });
  }

  function onStorage(event) {
    if (!ctx || !event.key || !event.key.startsWith(PREFIX)) return;
    const parts = event.key.slice(PREFIX.length).split(":");
    if (Number(parts[1]) !== ctx.attemptId) return;
    if (parts[0] === "submitted" && event.newValue) {
      checkState(); // trust the server, not the note
      return;
    }
    if ((parts[0] !== "pending" && parts[0] !== "known") || Number(parts[2]) !== ctx.questionId || !event.newValue) return;
    let item;
    try {
      item = JSON.parse(event.newValue);
    } catch (err) {
      return;
    }
    const shown = shownSeq.get(ctx.questionId);
    if (!item || typeof item.seq !== "number" || (shown !== undefined && item.seq <= shown)) return;
    showAnswer(item.answer);
    shownSeq.set(ctx.questionId, item.seq);
    if (!submittedShown) say(MSG.stale);
  }

  // ------------------------------------------------------------ pages kept for offline use

  function cachedPage(path) {
    return ctx ? getItem("sessionStorage", pageKey(ctx.attemptId, path)) : null;
  }

  async function prefetch() {
    if (!ctx || !ctx.number || !ctx.total) return;
    const paths = attemptPaths(ctx.attemptId);
    const wanted = [];
    for (let n = ctx.number + 1; n <= Math.min(ctx.total, ctx.number + PREFETCH_AFTER); n++) wanted.push(paths.question(n));
    for (let n = ctx.number - 1; n >= Math.max(1, ctx.number - PREFETCH_BEFORE); n--) wanted.push(paths.question(n));
    wanted.push(paths.review);
    for (const path of wanted) {
      if (!ctx || isOffline()) return;
      if (path !== paths.review && cachedPage(path)) continue;
      try {
        const response = await request(path, { headers: { Accept: "text/html" } });
        if (response.ok && !response.redirected) {
          setItem("sessionStorage", pageKey(ctx.attemptId, path), await response.text());
        }
      } catch (err) {
        return;
      }
    }
  }

  // Show a kept page in place of this one (offline): its <main> replaces ours.
  function render(path, html, push) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const main = doc.getElementById("main");
    if (!main) return false;
    document.title = doc.title;
    document.getElementById("main").replaceWith(document.adoptNode(main));
    if (push) history.pushState({ framecheck: true }, "", path);
    window.scrollTo(0, 0);
    start(true);
    document.getElementById("main").focus({ preventScroll: true });
    return true;
  }

  function goTo(path) {
    const html = cachedPage(path);
    if (!(html && render(path, html, true))) location.assign(path); // the answer is on the device anyway
  }

  function onSubmit(event) {
    if (!ctx) return;
    if (ctx.form && event.target === ctx.form) {
      if (!isOffline()) return; // online: the form posts, as without this script
      event.preventDefault();
      const go = event.submitter ? event.submitter.value : "next";
      if (!ctx.autosave || go === "check") return say(MSG.checkOffline);
      const paths = attemptPaths(ctx.attemptId);
      if (go === "next" && ctx.number < ctx.total) goTo(paths.question(ctx.number + 1));
      else if (go === "back" && ctx.number > 1) goTo(paths.question(ctx.number - 1));
      else goTo(paths.review);
    } else if (ctx.submit && event.target === ctx.submit) {
      onFinalSubmit(event);
    }
  }

  // Submitting waits for every pending save of the attempt, and is refused while offline.
  async function onFinalSubmit(event) {
    const form = ctx.submit;
    if (form.dataset.sending === "ready") return; // our own resubmission below
    event.preventDefault();
    if (isOffline()) return say(MSG.submitOffline);
    if (pendingFor(ctx.attemptId).length) {
      say(MSG.submitPending);
      await flush();
      if (isOffline()) return say(MSG.submitOffline);
      if (pendingFor(ctx.attemptId).length) return say(MSG.submitUnsent);
    }
    form.dataset.sending = "ready";
    form.submit();
  }

  function onClick(event) {
    if (!ctx || !isOffline() || event.defaultPrevented) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    const url = new URL(link.href, location.href);
    const prefix = "/attempts/" + ctx.attemptId + "/";
    if (url.origin !== location.origin || !url.pathname.startsWith(prefix) || url.hash) return;
    const html = cachedPage(url.pathname);
    if (html) {
      event.preventDefault();
      render(url.pathname, html, true);
    }
  }

  function onPopState() {
    if (!isOffline()) return location.reload();
    const html = cachedPage(location.pathname);
    if (!(html && render(location.pathname, html, false))) location.reload();
  }

  // ------------------------------------------------------------ wiring

  // Set up for the page shown: read it, restore what this device holds, send what is pending.
  function start(fromCopy) {
    ctx = readContext();
    submittedShown = false;
    if (!ctx) return;
    if (ctx.form) {
      const pending = readJson("localStorage", pendingKey(ctx.attemptId, ctx.questionId));
      const known = readJson("localStorage", knownKey(ctx.attemptId, ctx.questionId));
      const local = pending || (fromCopy ? known : null);
      if (local && ctx.autosave) {
        showAnswer(local.answer); // the unsent (or, on a kept copy, the last saved) answer
        shownSeq.set(ctx.questionId, local.seq);
      } else {
        shownSeq.delete(ctx.questionId);
      }
      // Wide screens: scroll the article panel (not the page) so the asked passage sits mid-panel.
      const asked = document.getElementById("asked-passage");
      const panel = asked && asked.closest(".article-panel");
      if (panel && window.matchMedia("(min-width: 60rem)").matches) {
        panel.scrollTop = asked.offsetTop - panel.offsetTop - (panel.clientHeight - asked.offsetHeight) / 2;
      }
    }
    if (isOffline()) {
      if (ctx.form) say(MSG.offline);
      scheduleRetry();
      return;
    }
    flush().then(() => {
      checkState();
      if (!fromCopy) setTimeout(prefetch, 300);
    });
  }

  document.addEventListener("change", (event) => {
    if (ctx && ctx.form && event.target.form === ctx.form && event.target.name === "answer") save();
  });
  document.addEventListener("submit", onSubmit);
  document.addEventListener("click", onClick);
  window.addEventListener("popstate", onPopState);
  window.addEventListener("storage", onStorage);
  window.addEventListener("online", retryNow);
  window.addEventListener("offline", () => {
    offline = true;
    if (ctx && ctx.form && !submittedShown) say(MSG.offline);
  });
  window.addEventListener("focus", () => checkState());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkState();
  });
  pollTimer = setInterval(() => {
    if (document.visibilityState === "visible") checkState();
  }, POLL_MS);

  start(false);
})();
