// The console's own script (docs/console.md). Served from Toolgate itself; the Content-Security-Policy admits no
// inline script, so every behaviour is attached here: copy buttons, JSON editors (CodeMirror when it loaded, else the
// plain textarea with a format toggle) and the tool-health chart (uPlot).
(function () {
  'use strict';

  function copy(button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) { return; }
    var text = target.value !== undefined && target.tagName === 'INPUT' ? target.value : target.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { select(target); });
    } else {
      select(target);
      done();
    }
  }

  function select(target) {
    if (target.select) { target.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function jsonEditor(textarea) {
    if (textarea.dataset.editorReady) { return; }
    textarea.dataset.editorReady = '1';
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'aux';
    toggle.textContent = 'Format JSON';
    toggle.setAttribute('aria-label', 'Format the JSON of ' + (textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent.trim() : 'this field'));
    var editor = null;
    if (window.CodeMirror) {
      editor = window.CodeMirror.fromTextArea(textarea, {
        mode: { name: 'javascript', json: true },
        lineNumbers: true,
        lineWrapping: true,
        viewportMargin: Infinity,
        // Tab and Shift-Tab move the focus on, as in any form field: no keyboard trap (WCAG 2.1.2)
        extraKeys: { Tab: false, 'Shift-Tab': false },
        screenReaderLabel: textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent.trim() : 'JSON'
      });
      // keep the textarea's accessible description on the editor's input
      var described = textarea.getAttribute('aria-describedby');
      var input = editor.getInputField();
      if (described) { input.setAttribute('aria-describedby', described); }
      if (textarea.getAttribute('aria-invalid')) { input.setAttribute('aria-invalid', 'true'); }
      if (textarea.id) { input.id = textarea.id + '-editor'; }
      // the editor's scroll area must be reachable by keyboard (WCAG 2.1.1)
      var scroller = editor.getScrollerElement();
      scroller.setAttribute('tabindex', '0');
      // keep the textarea current, so a plain submit and an htmx request both send what the editor shows
      editor.on('change', function () { editor.save(); });
    }
    toggle.addEventListener('click', function () {
      var text = editor ? editor.getValue() : textarea.value;
      try {
        var formatted = JSON.stringify(JSON.parse(text), null, 2);
        if (editor) { editor.setValue(formatted); } else { textarea.value = formatted; }
      } catch (e) {
        toggle.textContent = 'Not valid JSON';
        setTimeout(function () { toggle.textContent = 'Format JSON'; }, 2000);
      }
    });
    var anchor = editor ? editor.getWrapperElement() : textarea;
    anchor.parentNode.insertBefore(toggle, anchor.nextSibling);
  }

  function chart(element) {
    if (!window.uPlot || element.dataset.chartReady) { return; }
    element.dataset.chartReady = '1';
    var data = JSON.parse(element.getAttribute('data-series'));
    var opts = {
      title: element.getAttribute('data-title') || '',
      width: Math.max(320, element.clientWidth || 800),
      height: 260,
      series: [
        {},
        { label: 'p50 ms', stroke: '#1f5fbf', width: 2 },
        { label: 'p95 ms', stroke: '#b3261e', width: 2 },
        { label: 'calls', stroke: '#3d7a3d', width: 1, scale: 'calls' }
      ],
      axes: [{}, { label: 'ms' }, { side: 1, scale: 'calls', label: 'calls', grid: { show: false } }]
    };
    new window.uPlot(opts, [data.t, data.p50, data.p95, data.calls], element);
  }

  // A new tool starts from its type's example: choosing another type loads that type's example (and its fields).
  function typeSwitch(select) {
    if (select.dataset.switchReady) { return; }
    select.dataset.switchReady = '1';
    select.addEventListener('change', function () {
      var url = new URL(select.getAttribute('data-example-url'), window.location.href);
      url.searchParams.set('type', select.value);
      window.location.assign(url.toString());
    });
  }

  function init(root) {
    root.querySelectorAll('select[data-example-url]').forEach(typeSwitch);
    root.querySelectorAll('[data-copy-target]').forEach(function (button) {
      if (button.dataset.copyReady) { return; }
      button.dataset.copyReady = '1';
      button.addEventListener('click', function () { copy(button); });
    });
    root.querySelectorAll('textarea[data-json-editor]').forEach(jsonEditor);
    root.querySelectorAll('[data-series]').forEach(chart);
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    // a form that came back with errors: move the focus to its summary, so a keyboard or screen-reader user lands there
    var summary = document.querySelector('[data-focus]');
    if (summary) { summary.focus(); }
  });
  // htmx swaps in new content (test results, filtered lists): attach the behaviours there too
  document.addEventListener('htmx:afterSettle', function (event) { init(event.target || document); });
})();
