/*
 * Trợ lý Kế hoạch 57 — chat widget for a portal page. Embed with one tag:
 *   <script src="https://<server>/widget.js" data-scope="yen-hoa" data-title="Trợ lý Kế hoạch 57" defer></script>
 * Plain JS, no build step. Everything lives in a shadow root so the host page's CSS cannot reach it,
 * and every piece of text from the server goes into the page through textContent, never innerHTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__kh57AssistantLoaded) return;
  window.__kh57AssistantLoaded = true;

  var API = (script.getAttribute('data-api') || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  var SCOPE = (script.getAttribute('data-scope') || '').trim();
  var TITLE = script.getAttribute('data-title') || 'Trợ lý Kế hoạch 57';
  var MAX_QUESTION = 1000;
  var TIMEOUT_MS = 30000;

  // px everywhere, never rem: the host page may change the root font size.
  // :host rules are !important because, across a shadow boundary, the inner !important wins over the page's.
  var CSS = [
    ':host{all:initial!important;position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;',
    'display:block!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;',
    'z-index:2147483000!important;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif!important;',
    'color:#1f2328!important;direction:ltr!important;text-align:left!important;letter-spacing:normal!important;word-spacing:normal!important;',
    'text-transform:none!important;pointer-events:auto!important}',
    '*,*::before,*::after{box-sizing:border-box}',
    '[hidden]{display:none!important}',
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    'button,textarea,input{font:inherit;color:inherit}',
    'button{cursor:pointer}',
    ':focus-visible{outline:3px solid #f5b700;outline-offset:2px}',
    '.bubble{position:fixed;right:16px;bottom:16px;display:flex;align-items:center;gap:8px;height:56px;padding:0 20px 0 16px;',
    'border:0;border-radius:28px;background:#a4161a;color:#fff;font-size:16px;font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.28)}',
    '.bubble:hover{background:#85101a}',
    '.bubble svg{width:26px;height:26px;flex:none}',
    '@media (max-width:359px){.bubble .label{display:none}.bubble{padding:0 15px}}',
    '.panel{position:fixed;inset:0;display:flex;flex-direction:column;background:#fff;color:#1f2328;overflow:hidden}',
    '@media (min-width:560px){.panel{inset:auto 20px 88px auto;width:390px;height:640px;max-height:calc(100vh - 110px);',
    'border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);border:1px solid #e3e3e3}}',
    '.head{display:flex;align-items:flex-start;gap:10px;padding:12px 12px 12px 16px;background:#a4161a;color:#fff}',
    '.head .titles{flex:1;min-width:0}',
    '.head h2{margin:0;font-size:17px;line-height:1.3;font-weight:700}',
    '.head p{margin:2px 0 0;font-size:13px;opacity:.9}',
    '.close{flex:none;width:40px;height:40px;border:0;border-radius:8px;background:transparent;color:#fff;font-size:26px;line-height:1}',
    '.close:hover{background:rgba(255,255,255,.15)}',
    '.log{flex:1;overflow-y:auto;padding:14px;background:#f7f5f2;display:flex;flex-direction:column;gap:12px;font-size:15px}',
    '.msg{max-width:92%;padding:10px 12px;border-radius:12px;overflow-wrap:anywhere}',
    '.msg p{margin:0 0 6px}.msg p:last-child{margin-bottom:0}',
    '.msg ul,.msg ol{margin:4px 0 6px;padding-left:22px}',
    '.msg li{margin:2px 0}',
    '.user{align-self:flex-end;background:#a4161a;color:#fff;border-bottom-right-radius:4px;white-space:pre-wrap}',
    '.bot{align-self:flex-start;background:#fff;border:1px solid #e6e1da;border-bottom-left-radius:4px}',
    '.bot.error .body{color:#8a1c1c}',
    '.intro{align-self:stretch;max-width:none;background:#fff8e6;border:1px solid #f1dfb0;font-size:14px}',
    '.ref{font-size:11px;font-weight:700;color:#a4161a;vertical-align:super;line-height:0}',
    '.busy{color:#5c5c5c;font-style:italic}',
    '.busy::after{content:"";animation:dots 1.2s steps(4,end) infinite}',
    '@keyframes dots{0%{content:""}25%{content:"."}50%{content:".."}75%{content:"..."}}',
    '.msg .cites{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px}',
    '.cites-label{margin:10px 0 0;font-size:12px;color:#5c5c5c;font-weight:600;text-transform:uppercase;letter-spacing:.03em}',
    '.chip{display:inline-flex;align-items:center;gap:6px;max-width:100%;padding:5px 10px 5px 5px;border:1px solid #d8cfc4;border-radius:16px;',
    'background:#fbf8f4;color:#1f2328;text-decoration:none;font-size:13px;line-height:1.3}',
    '.chip:hover{border-color:#a4161a;background:#fff}',
    '.chip .n{flex:none;display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:22px;border-radius:11px;',
    'background:#a4161a;color:#fff;font-weight:700;font-size:12px}',
    '.chip .t{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:260px}',
    '.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:10px;font-size:13px;color:#5c5c5c}',
    '.fb button{border:1px solid #d8cfc4;background:#fff;border-radius:16px;padding:3px 10px;font-size:15px}',
    '.fb button:hover{border-color:#a4161a}',
    '.fb textarea{flex:1 1 100%;min-height:56px;padding:6px 8px;border:1px solid #cfc6bb;border-radius:8px;font-size:14px;resize:vertical}',
    '.fb .send-fb{font-size:13px;background:#a4161a;color:#fff;border-color:#a4161a}',
    '.suggestions{display:flex;flex-wrap:wrap;gap:6px;padding:10px 14px 0;background:#f7f5f2}',
    '.suggestions button{border:1px solid #e0c9a6;background:#fff;border-radius:16px;padding:6px 12px;font-size:13px;text-align:left;color:#5a3a00}',
    '.suggestions button:hover{border-color:#a4161a;color:#a4161a}',
    '.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #e6e1da;background:#fff}',
    '.composer textarea{flex:1;min-height:44px;max-height:140px;padding:10px 12px;border:1px solid #cfc6bb;border-radius:10px;resize:none;',
    'font-size:16px;line-height:1.4;background:#fff}',
    '.composer textarea:focus{border-color:#a4161a}',
    '.send{flex:none;width:44px;height:44px;border:0;border-radius:10px;background:#a4161a;color:#fff;display:flex;align-items:center;justify-content:center}',
    '.send:disabled{background:#c9a3a4;cursor:default}',
    '.send svg{width:22px;height:22px}',
    '.note{margin:0;padding:0 12px 10px;background:#fff;font-size:12px;color:#6b6b6b}',
    '@media (prefers-reduced-motion:reduce){.busy::after{animation:none;content:"..."}}'
  ].join('\n');

  var ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>';
  var ICON_SEND = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 20.5 21 12 3 3.5v6.8l12 1.7-12 1.7z"/></svg>';

  // Constant markup only: nothing from the page or the server is interpolated here.
  var TEMPLATE =
    '<button class="bubble" type="button" aria-expanded="false" aria-controls="kh57-panel">' + ICON_CHAT + '<span class="label">Hỏi trợ lý</span></button>' +
    '<section class="panel" id="kh57-panel" role="dialog" aria-modal="false" aria-labelledby="kh57-title" hidden>' +
    '<div class="head"><div class="titles"><h2 id="kh57-title"></h2><p>Hỏi đáp về kế hoạch thực hiện Nghị quyết 57-NQ/TW</p></div>' +
    '<button class="close" type="button" aria-label="Đóng trợ lý">×</button></div>' +
    '<div class="log" role="log" aria-live="polite" aria-label="Hội thoại với trợ lý"></div>' +
    '<div class="suggestions" role="group" aria-label="Câu hỏi gợi ý" hidden></div>' +
    '<form class="composer" novalidate><label class="sr" for="kh57-question">Câu hỏi của bạn</label>' +
    '<textarea id="kh57-question" rows="1" maxlength="' + MAX_QUESTION + '" placeholder="Nhập câu hỏi về kế hoạch…" autocomplete="off"></textarea>' +
    '<button class="send" type="submit" aria-label="Gửi câu hỏi">' + ICON_SEND + '</button></form>' +
    '<p class="note">Câu trả lời trích từ văn bản kế hoạch. Bấm vào số nguồn để xem đoạn gốc.</p>' +
    '</section>';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // --- Markdown, the small safe subset answers use: paragraphs, line breaks, lists, **bold**, [n] refs.
  function appendInline(parent, text) {
    var pattern = /\*\*([^*]+)\*\*|\[(\d{1,2})\]/g;
    var last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) parent.appendChild(el('strong', null, match[1]));
      else parent.appendChild(el('span', 'ref', '[' + match[2] + ']'));
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderMarkdown(markdown) {
    var fragment = document.createDocumentFragment();
    var lines = String(markdown || '').replace(/\r\n?/g, '\n').split('\n');
    var paragraph = null, list = null;
    lines.forEach(function (raw) {
      var line = raw.replace(/\s+$/, '');
      var bullet = /^\s*[-*+•]\s+(.*)$/.exec(line);
      var numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
      var heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
      if (!line.trim()) { paragraph = null; list = null; return; }
      if (bullet || numbered) {
        var tag = bullet ? 'UL' : 'OL';
        if (!list || list.tagName !== tag) { list = el(tag.toLowerCase()); fragment.appendChild(list); }
        var item = el('li');
        appendInline(item, (bullet || numbered)[1]);
        list.appendChild(item);
        paragraph = null;
        return;
      }
      list = null;
      if (heading) {
        var p = el('p'); var strong = el('strong'); appendInline(strong, heading[1]); p.appendChild(strong);
        fragment.appendChild(p); paragraph = null;
        return;
      }
      if (!paragraph) { paragraph = el('p'); fragment.appendChild(paragraph); }
      else paragraph.appendChild(el('br'));
      appendInline(paragraph, line.trim());
    });
    return fragment;
  }

  // --- Server-Sent Events over a POST: EventSource only does GET, so the stream is read by hand.
  function parseEvent(block) {
    var event = 'message', data = [];
    block.split('\n').forEach(function (line) {
      if (!line || line.charAt(0) === ':') return;
      var colon = line.indexOf(':');
      var field = colon < 0 ? line : line.slice(0, colon);
      var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    });
    return { event: event, data: data.join('\n') };
  }

  function readProblem(response) {
    return response.json().then(function (body) { return body && body.detail; }, function () { return null; });
  }

  function statusMessage(status) {
    if (status === 429) return 'Bạn đã hỏi quá nhiều trong thời gian ngắn. Vui lòng đợi một lát rồi hỏi lại.';
    if (status === 503) return 'Trợ lý đang khởi động. Vui lòng thử lại sau ít giây.';
    if (status === 413) return 'Câu hỏi quá dài.';
    return 'Không nhận được câu trả lời (mã lỗi ' + status + '). Vui lòng thử lại.';
  }

  function askStream(body, onEvent, signal) {
    return fetch(API + '/api/ask/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify(body),
      signal: signal,
      credentials: 'omit'
    }).then(function (response) {
      if (!response.ok) {
        return readProblem(response).then(function (detail) { throw new Error(detail || statusMessage(response.status)); });
      }
      var buffer = '';
      function drain(final) {
        var cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          var block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          onEvent(parseEvent(block));
        }
        if (final && buffer.trim()) { onEvent(parseEvent(buffer)); buffer = ''; }
      }
      if (!response.body || !response.body.getReader) {
        return response.text().then(function (text) { buffer = text.replace(/\r\n?/g, '\n'); drain(true); });
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { buffer += decoder.decode(); drain(true); return; }
          buffer += decoder.decode(chunk.value, { stream: true });
          drain(false);
          return pump();
        });
      }
      return pump();
    });
  }

  function storage(key, value) {
    try {
      if (value === undefined) return window.sessionStorage.getItem(key);
      window.sessionStorage.setItem(key, value);
    } catch (e) { /* storage blocked (private mode, sandboxed frame): the conversation just is not kept */ }
    return null;
  }

  function safeLink(url) {
    try {
      var resolved = new URL(url, API + '/');
      return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
    } catch (e) { return null; }
  }

  function mount() {
    var host = document.createElement('kh57-assistant');
    host.setAttribute('data-scope', SCOPE);
    var root = host.attachShadow({ mode: 'open' });
    if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      // A constructed sheet also works where the host page's CSP forbids inline <style>.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', null, CSS));
    }
    var wrapper = el('div', 'root');
    wrapper.innerHTML = TEMPLATE;
    root.appendChild(wrapper);
    document.body.appendChild(host);

    var bubble = root.querySelector('.bubble');
    var panel = root.querySelector('.panel');
    var closeButton = root.querySelector('.close');
    var log = root.querySelector('.log');
    var suggestions = root.querySelector('.suggestions');
    var form = root.querySelector('.composer');
    var input = root.querySelector('textarea');
    var send = root.querySelector('.send');
    root.getElementById('kh57-title').textContent = TITLE;
    bubble.setAttribute('aria-label', 'Mở ' + TITLE);

    var conversationKey = 'kh57:conversation:' + SCOPE;
    var conversationId = storage(conversationKey);
    var busy = false;
    var started = false;

    function open() {
      panel.hidden = false;
      bubble.hidden = true;
      bubble.setAttribute('aria-expanded', 'true');
      if (!started) { started = true; greet(); loadSuggestions(); }
      input.focus();
    }

    function close() {
      panel.hidden = true;
      bubble.hidden = false;
      bubble.setAttribute('aria-expanded', 'false');
      bubble.focus();
    }

    function scrollToEnd() { log.scrollTop = log.scrollHeight; }

    function greet() {
      var intro = el('div', 'msg bot intro');
      intro.appendChild(el('p', null, 'Xin chào! Tôi trả lời câu hỏi về các kế hoạch triển khai Nghị quyết 57-NQ/TW ' +
        '(khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số), kèm trích dẫn văn bản gốc.'));
      log.appendChild(intro);
    }

    function loadSuggestions() {
      fetch(API + '/api/suggestions' + (SCOPE ? '?scope=' + encodeURIComponent(SCOPE) : ''), { credentials: 'omit' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body || !body.questions || !body.questions.length || busy || log.querySelector('.user')) return;
          body.questions.forEach(function (question) {
            var button = el('button', null, question);
            button.type = 'button';
            button.addEventListener('click', function () { ask(question); });
            suggestions.appendChild(button);
          });
          suggestions.hidden = false;
        })
        .catch(function () { /* suggestions are optional */ });
    }

    function citationChip(citation) {
      var href = safeLink(citation.url || '');
      var item = el('li');
      var chip = el(href ? 'a' : 'span', 'chip');
      if (href) {
        chip.href = href;
        chip.target = '_blank';
        chip.rel = 'noopener noreferrer';
      }
      // Plan titles are long sentences: lead with the section, and name the plan only when it is not the page's own.
      var fromOtherPlan = !SCOPE || String(citation.doc).toLowerCase() !== SCOPE.toLowerCase();
      var label = [fromOtherPlan ? citation.title : '', citation.section].filter(Boolean).join(' › ') || citation.title || citation.doc || 'Văn bản';
      var full = [citation.title, citation.section].filter(Boolean).join(' › ');
      chip.title = full + (citation.quote ? '\n“' + String(citation.quote).slice(0, 300) + '”' : '');
      chip.setAttribute('aria-label', 'Nguồn ' + citation.index + ': ' + full + ' (mở trong thẻ mới)');
      chip.appendChild(el('span', 'n', String(citation.index)));
      chip.appendChild(el('span', 't', label));
      item.appendChild(chip);
      return item;
    }

    function feedbackBar(answerId) {
      var bar = el('div', 'fb');
      bar.appendChild(el('span', null, 'Câu trả lời có hữu ích không?'));
      var up = el('button', null, '👍'); up.type = 'button'; up.setAttribute('aria-label', 'Hữu ích');
      var down = el('button', null, '👎'); down.type = 'button'; down.setAttribute('aria-label', 'Chưa hữu ích');
      bar.appendChild(up); bar.appendChild(down);

      function submit(helpful, comment) {
        bar.textContent = 'Đang gửi góp ý…';
        fetch(API + '/api/feedback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'omit',
          body: JSON.stringify({ conversationId: conversationId, answerId: answerId, helpful: helpful, comment: comment || null })
        }).then(function (r) {
          if (r.ok) { bar.textContent = 'Cảm ơn bạn đã góp ý!'; return; }
          return readProblem(r).then(function (detail) { bar.textContent = detail || statusMessage(r.status); });
        }).catch(function () { bar.textContent = 'Không gửi được góp ý. Vui lòng thử lại sau.'; });
      }

      up.addEventListener('click', function () { submit(true); });
      down.addEventListener('click', function () {
        bar.textContent = '';
        var label = el('label', 'sr', 'Điều gì chưa đúng hoặc còn thiếu? (không bắt buộc)');
        var comment = el('textarea');
        comment.id = 'kh57-fb-' + answerId;
        label.htmlFor = comment.id;
        comment.maxLength = 2000;
        comment.placeholder = 'Điều gì chưa đúng hoặc còn thiếu? (không bắt buộc)';
        var submitButton = el('button', 'send-fb', 'Gửi góp ý'); submitButton.type = 'button';
        submitButton.addEventListener('click', function () { submit(false, comment.value.trim()); });
        bar.appendChild(label); bar.appendChild(comment); bar.appendChild(submitButton);
        comment.focus();
      });
      return bar;
    }

    function ask(question) {
      question = (question || '').trim();
      if (!question || busy) return;
      if (question.length > MAX_QUESTION) question = question.slice(0, MAX_QUESTION);
      busy = true;
      send.disabled = true;
      suggestions.hidden = true;
      input.value = '';
      resize();

      log.appendChild(el('div', 'msg user', question));
      var message = el('div', 'msg bot');
      message.setAttribute('aria-busy', 'true');
      var body = el('div', 'body');
      body.appendChild(el('p', 'busy', 'Đang tìm trong các kế hoạch'));
      message.appendChild(body);
      log.appendChild(message);
      scrollToEnd();

      var citeList = null, answerId = null;
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      var timer = controller && setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      var request = { question: question };
      if (SCOPE) request.scope = SCOPE;
      if (conversationId) request.conversationId = conversationId;

      askStream(request, function (event) {
        var data;
        try { data = JSON.parse(event.data || '{}'); } catch (e) { return; }
        if (event.event === 'answer') {
          conversationId = data.conversationId || conversationId;
          if (conversationId) storage(conversationKey, conversationId);
          answerId = data.answerId;
          body.textContent = '';
          body.appendChild(renderMarkdown(data.answer));
          if (data.citationCount > 0) {
            message.appendChild(el('p', 'cites-label', 'Nguồn trích dẫn'));
            citeList = el('ol', 'cites');
            citeList.setAttribute('aria-label', 'Nguồn trích dẫn');
            message.appendChild(citeList);
          }
        } else if (event.event === 'citation' && citeList) {
          citeList.appendChild(citationChip(data));
        } else if (event.event === 'done') {
          if (answerId) message.appendChild(feedbackBar(answerId));
        }
      }, controller && controller.signal).catch(function (error) {
        message.classList.add('error');
        body.textContent = '';
        var text = error && error.name === 'AbortError'
          ? 'Máy chủ trả lời quá lâu. Vui lòng thử lại.'
          : (error && error.message && !/fetch|network/i.test(error.message) ? error.message : 'Không kết nối được máy chủ trợ lý. Vui lòng kiểm tra mạng và thử lại.');
        body.appendChild(el('p', null, text));
      }).then(function () {
        if (timer) clearTimeout(timer);
        message.removeAttribute('aria-busy');
        busy = false;
        send.disabled = false;
        message.scrollIntoView({ block: 'nearest' });
      });
    }

    function resize() {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 2, 140) + 'px';
    }

    bubble.addEventListener('click', open);
    closeButton.addEventListener('click', close);
    form.addEventListener('submit', function (event) { event.preventDefault(); ask(input.value); });
    input.addEventListener('input', resize);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); ask(input.value); }
    });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { event.preventDefault(); close(); }
    });
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
