// Quiz page enhancements. Without this file the page still works: every button posts the form.
// With it: each change is saved at once through the API, and the asked passage is scrolled into view.
(function () {
  "use strict";
  const form = document.getElementById("answer-form");
  if (!form) return;
  const csrf = form.querySelector("input[name=csrf_token]");
  const status = document.getElementById("save-status");
  const type = form.dataset.type;

  function picked() {
    return Array.from(form.elements).filter((el) => el.name === "answer" && el.checked).map((el) => el.value);
  }

  function currentAnswer() {
    const values = picked();
    if (type === "classify" || type === "multiple_choice") return values.length ? { choice: values[0] } : null;
    if (type === "multi_select") return { choices: values };
    return { spans: values.map((v) => v.split("-").map(Number)) };
  }

  // A guest's page carries its attempt token; a signed-in student's uses the session and the CSRF token.
  function authHeaders() {
    const headers = { "Content-Type": "application/json" };
    if (form.dataset.token) headers.Authorization = "Bearer " + form.dataset.token;
    else headers["X-CSRFToken"] = csrf.value;
    return headers;
  }

  function say(text) {
    status.textContent = text;
  }

  // One save in flight at a time; changes made meanwhile collapse into the newest answer,
  // sent when the current one returns, so an older answer never lands after a newer one.
  let pending = null;
  let sending = false;

  function save() {
    const answer = currentAnswer();
    if (answer === null) return;
    pending = answer;
    if (!sending) flush();
  }

  async function flush() {
    sending = true;
    let message = "All answers saved.";
    while (pending !== null) {
      const answer = pending;
      pending = null;
      say("Saving…");
      try {
        const response = await fetch(form.dataset.saveUrl, {
          method: "PUT",
          headers: authHeaders(),
          body: JSON.stringify({ answer: answer }),
        });
        if (response.ok) {
          message = "All answers saved.";
        } else {
          const body = await response.json().catch(() => ({}));
          message = "Not saved: " + ((body.error && body.error.message) || response.statusText);
        }
      } catch (err) {
        message = "Could not reach the server. Your choice is still on this page; press a button below to save it.";
      }
    }
    sending = false;
    say(message);
  }

  // With feedback after each question, an answer is saved only when the student checks it.
  if (form.dataset.autosave !== "off") {
    form.addEventListener("change", save);
    // find_in_article checkboxes live in the article but belong to this form (form="answer-form").
    document.addEventListener("change", (event) => {
      if (event.target.form === form && !form.contains(event.target)) save();
    });
  }

  const asked = document.getElementById("asked-passage");
  if (asked && window.matchMedia("(min-width: 60rem)").matches) asked.scrollIntoView({ block: "center" });
})();
