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
  // Colours meet WCAG 2.2 AA: text ≥ 4.5:1 on its background, focus rings and control borders ≥ 3:1.
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
    ':focus-visible{outline:3px solid #1f2328;outline-offset:2px}',
    '.head :focus-visible,.user :focus-visible{outline-color:#fff}',
    '.bubble{position:fixed;right:16px;bottom:16px;display:flex;align-items:center;gap:8px;height:56px;padding:0 20px 0 16px;',
    'border:2px solid #fff;border-radius:28px;background:#a4161a;color:#fff;font-size:16px;font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.28)}',
    '.bubble:hover{background:#85101a}',
    '.bubble svg{width:26px;height:26px;flex:none}',
    // Narrow screens show the icon only; the words stay the button's name (visually hidden, not removed).
    '@media (max-width:359px){.bubble .label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.bubble{padding:0 15px}}',
    '.panel{position:fixed;inset:0;display:flex;flex-direction:column;background:#fff;color:#1f2328;overflow:hidden}',
    '@media (min-width:560px){.panel{inset:auto 20px 88px auto;width:400px;height:640px;max-height:calc(100vh - 110px);',
    'border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);border:1px solid #8c8c8c}}',
    '.head{display:flex;align-items:flex-start;gap:10px;padding:12px 12px 12px 16px;background:#a4161a;color:#fff}',
    '.head .titles{flex:1;min-width:0}',
    '.head h2{margin:0;font-size:17px;line-height:1.3;font-weight:700}',
    '.head p{margin:2px 0 0;font-size:13px}',
    '.close{flex:none;display:flex;align-items:center;gap:4px;height:40px;padding:0 10px;border:1px solid rgba(255,255,255,.7);border-radius:8px;',
    'background:transparent;color:#fff;font-size:14px;font-weight:600}',
    '.close:hover{background:rgba(255,255,255,.15)}',
    '.close span[aria-hidden]{font-size:22px;line-height:1}',
    '.log{flex:1;overflow-y:auto;padding:14px;background:#f7f5f2;display:flex;flex-direction:column;gap:12px;font-size:15px}',
    '.msg{max-width:94%;padding:10px 12px;border-radius:12px;overflow-wrap:anywhere}',
    '.msg p{margin:0 0 6px}.msg p:last-child{margin-bottom:0}',
    '.user{align-self:flex-end;background:#a4161a;color:#fff;border-bottom-right-radius:4px;white-space:pre-wrap}',
    '.bot{align-self:flex-start;background:#fff;border:1px solid #d6cfc5;border-bottom-left-radius:4px;min-width:60%}',
    '.intro{align-self:stretch;max-width:none;background:#fff8e6;border:1px solid #e3cf9a;font-size:14px}',
    '.line{font-size:16px;line-height:1.45;min-height:23px}',
    '.line .value{font-weight:700}',
    '.busy{color:#595959;font-style:italic}',
    '.busy::after{content:"";display:inline-block;width:1.5em;text-align:left;animation:dots 1.2s steps(4,end) infinite}',
    '@keyframes dots{0%{content:""}25%{content:"."}50%{content:".."}75%{content:"..."}}',
    '.error .line{color:#8a1c1c}',
    '.retry{margin-top:8px;border:1px solid #a4161a;background:#fff;color:#a4161a;border-radius:8px;padding:6px 14px;font-size:14px;font-weight:600}',
    '.retry:hover{background:#a4161a;color:#fff}',
    '.sources{margin:10px 0 0;padding:10px 0 0;border-top:1px solid #e3ddd4}',
    '.sources h3{margin:0 0 6px;font-size:13px;font-weight:700;color:#595959;text-transform:uppercase;letter-spacing:.03em}',
    '.sources ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}',
    '.source{padding:8px 10px;border:1px solid #e3ddd4;border-left:4px solid #a4161a;border-radius:6px;background:#fbf9f6}',
    '.source .label{margin:0 0 4px;font-size:14px;font-weight:700;color:#1f2328}',
    '.source .n{display:inline-block;min-width:20px;margin-right:4px;color:#a4161a}',
    '.quote{margin:0;font-size:14px;line-height:1.45;color:#1f2328;font-style:italic}',
    '.quote.clamped{display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}',
    '.restored{margin:4px 0 0;font-size:12px;color:#595959}',
    '.source .actions{display:flex;flex-wrap:wrap;align-items:center;gap:4px 14px;margin-top:6px;font-size:14px}',
    '.more{border:0;background:none;padding:2px 0;color:#1f2328;text-decoration:underline;font-size:14px}',
    '.open{color:#a4161a;font-weight:600}',
    '.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:10px;font-size:13px;color:#595959}',
    '.fb button{border:1px solid #8c8c8c;background:#fff;border-radius:16px;padding:3px 10px;font-size:15px}',
    '.fb button:hover{border-color:#a4161a}',
    '.fb textarea{flex:1 1 100%;min-height:56px;padding:6px 8px;border:1px solid #8c8c8c;border-radius:8px;font-size:14px;resize:vertical}',
    '.fb .send-fb{font-size:13px;background:#a4161a;color:#fff;border-color:#a4161a}',
    '.why-open{margin-top:8px;border:1px solid #8c8c8c;background:#fff;border-radius:16px;padding:3px 10px;font-size:13px;color:#1f2328}',
    '.why-open:hover{border-color:#a4161a}',
    '.why{margin-top:10px;padding:8px 10px;border:1px solid #e3ddd4;border-radius:6px;background:#fff;font-size:13px;line-height:1.45}',
    '.why h3{margin:0 0 6px;font-size:14px}',
    '.why h4{margin:8px 0 2px;font-size:13px;color:#595959}',
    '.why ul{margin:0;padding-left:18px}',
    '.suggestions{display:flex;flex-wrap:wrap;gap:6px;padding:10px 14px 0;background:#f7f5f2}',
    '.suggestions button{border:1px solid #b38a4d;background:#fff;border-radius:16px;padding:6px 12px;font-size:13px;text-align:left;color:#5a3a00}',
    '.suggestions button:hover{border-color:#a4161a;color:#a4161a}',
    '.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #e3ddd4;background:#fff}',
    '.composer textarea{flex:1;min-height:44px;max-height:140px;padding:10px 12px;border:1px solid #8c8c8c;border-radius:10px;resize:none;',
    'font-size:16px;line-height:1.4;background:#fff}',
    '.composer textarea::placeholder{color:#6b6b6b;opacity:1}',
    '.composer textarea:focus{border-color:#a4161a}',
    '.send{flex:none;width:44px;height:44px;border:0;border-radius:10px;background:#a4161a;color:#fff;display:flex;align-items:center;justify-content:center}',
    '.send:disabled{background:#c9a3a4;cursor:default}',
    '.send svg{width:22px;height:22px}',
    '.note{margin:0;padding:0 12px 10px;background:#fff;font-size:12px;color:#595959}',
    '.mode{border:1px solid currentColor;background:transparent;color:inherit;border-radius:6px;padding:6px 10px;font:inherit;font-size:13px;cursor:pointer;min-height:32px}',
    '.mode[aria-pressed="true"]{background:#fff;color:#0b4f8a}',
    '.practice{flex:1;overflow:auto;padding:12px;background:#fff;font-size:14px}',
    '.practice h3{font-size:15px;margin:4px 0 10px;line-height:1.4}',
    '.quiz-progress{margin:0;color:#595959;font-size:12px}',
    '.quiz-options{display:flex;flex-direction:column;gap:6px}',
    '.quiz-option{text-align:left;border:1px solid #8a8a8a;background:#fff;color:#1a1a1a;border-radius:6px;padding:8px 10px;font:inherit;cursor:pointer;min-height:40px}',
    '.quiz-option.right{border-color:#1e6b2e;background:#e8f5ea}',
    '.quiz-option.wrong{border-color:#a3261b;background:#fbeaea}',
    '.quiz-feedback{margin-top:10px}',
    '.quiz-feedback blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #8a8a8a;color:#333}',
    '.quiz-next{margin-top:8px;border:0;background:#a4161a;color:#fff;border-radius:6px;padding:8px 14px;font:inherit;cursor:pointer;min-height:40px}',
    '@media (prefers-reduced-motion:reduce){.busy::after{animation:none;content:"..."}}'
  ].join('\n');

  var ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>';
  var ICON_SEND = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 20.5 21 12 3 3.5v6.8l12 1.7-12 1.7z"/></svg>';

  // Constant markup only: nothing from the page or the server is interpolated here. Every control's name is
  // its visible text (WCAG 2.5.3), so speech users can say what they see.
  var TEMPLATE =
    '<button class="bubble" type="button" aria-expanded="false" aria-controls="kh57-panel">' + ICON_CHAT + '<span class="label">Hỏi trợ lý</span></button>' +
    '<section class="panel" id="kh57-panel" role="dialog" aria-modal="false" aria-labelledby="kh57-title" hidden>' +
    '<div class="head"><div class="titles"><h2 id="kh57-title"></h2><p>Hỏi đáp về kế hoạch thực hiện Nghị quyết 57-NQ/TW</p></div>' +
    '<button class="mode" type="button" aria-pressed="false">Luyện tập</button>' +
    '<button class="close" type="button"><span aria-hidden="true">×</span>Đóng</button></div>' +
    '<div class="log" role="log" aria-live="polite" aria-label="Hội thoại với trợ lý"></div>' +
    '<div class="practice" role="region" aria-label="Luyện tập" hidden></div>' +
    '<div class="suggestions" role="group" aria-label="Câu hỏi gợi ý" hidden></div>' +
    '<form class="composer" novalidate><label class="sr" for="kh57-question">Câu hỏi của bạn</label>' +
    '<textarea id="kh57-question" rows="1" maxlength="' + MAX_QUESTION + '" placeholder="Nhập câu hỏi về kế hoạch…" autocomplete="off"></textarea>' +
    '<button class="send" type="submit"><span class="sr">Gửi câu hỏi</span>' + ICON_SEND + '</button></form>' +
    '<p class="note">Câu trả lời lấy từ văn bản kế hoạch. Bấm “Xem văn bản gốc” để mở đoạn được trích.</p>' +
    '</section>';

  // Quotes longer than this start folded to four lines, with a button to unfold them.
  var QUOTE_FOLD = 220;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
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
        return readProblem(response).then(function (detail) {
          var error = new Error(detail || statusMessage(response.status));
          error.status = response.status;
          throw error;
        });
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

  // The answer line leads with its value ("Trước ngày 15/12/2025 …", capitalised where the value is not): that part
  // is emphasised, the rest is plain text.
  function renderLine(node, line, value) {
    node.textContent = '';
    var text = String(line || '');
    value = String(value || '');
    if (value && text.slice(0, value.length).toLocaleLowerCase('vi') === value.toLocaleLowerCase('vi')) {
      node.appendChild(el('strong', 'value', text.slice(0, value.length)));
      node.appendChild(document.createTextNode(text.slice(value.length)));
    } else {
      node.textContent = text;
    }
  }

  // An error the person can act on: 400s describe the question itself, so only other failures offer a retry.
  function describeError(error) {
    if (error && error.name === 'AbortError') return { text: 'Máy chủ trả lời quá lâu. Vui lòng thử lại.', retry: true };
    if (error && error.status) return { text: error.message, retry: error.status === 429 || error.status >= 500 };
    if (typeof navigator !== 'undefined' && navigator.onLine === false)
      return { text: 'Bạn đang ngoại tuyến. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”.', retry: true };
    return { text: 'Không kết nối được máy chủ trợ lý. Vui lòng kiểm tra mạng và thử lại.', retry: true };
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

    var conversationKey = 'kh57:conversation:' + SCOPE;
    var conversationId = storage(conversationKey);
    var busy = false;
    var started = false;
    var sequence = 0;
    // On a phone the panel covers the page: it is then a modal dialog that keeps focus inside.
    var phone = window.matchMedia ? window.matchMedia('(max-width: 559px)') : { matches: false };

    function isModal() { return !panel.hidden && phone.matches; }

    function syncModal() { panel.setAttribute('aria-modal', phone.matches ? 'true' : 'false'); }

    function open() {
      syncModal();
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

    function focusables() {
      return Array.prototype.filter.call(
        panel.querySelectorAll('button, [href], textarea, input, select, [tabindex]:not([tabindex="-1"])'),
        function (node) { return !node.disabled && !node.hidden && node.getClientRects().length > 0; });
    }

    function trapFocus(event) {
      var items = focusables();
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1], active = root.activeElement;
      if (event.shiftKey && (active === first || !panel.contains(active))) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && (active === last || !panel.contains(active))) { event.preventDefault(); first.focus(); }
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

    // One source: its short label, the quote in plain sight (folded when long), and a link to the passage.
    function sourceItem(citation, index) {
      var item = el('li', 'source');
      var label = el('p', 'label');
      label.appendChild(el('span', 'n', '[' + index + ']'));
      label.appendChild(document.createTextNode(citation.label || citation.title || citation.doc || 'Văn bản'));
      item.appendChild(label);

      var restored = citation.restored && citation.restored !== citation.quote;
      var quoteText = String(restored ? citation.restored : (citation.quote || '')).replace(/\s+/g, ' ').trim();
      var quote = el('blockquote', 'quote', '“' + quoteText + '”');
      quote.id = 'kh57-q' + sequence + '-' + index;
      item.appendChild(quote);
      if (restored) item.appendChild(el('p', 'restored', 'Đã thêm dấu để dễ đọc: đây là bản đọc lại, không phải nguyên văn.'));

      var actions = el('div', 'actions');
      if (quoteText.length > QUOTE_FOLD) {
        quote.classList.add('clamped');
        var more = el('button', 'more', 'Xem thêm');
        more.type = 'button';
        more.setAttribute('aria-expanded', 'false');
        more.setAttribute('aria-controls', quote.id);
        more.addEventListener('click', function () {
          var folded = quote.classList.toggle('clamped');
          more.textContent = folded ? 'Xem thêm' : 'Thu gọn';
          more.setAttribute('aria-expanded', folded ? 'false' : 'true');
        });
        actions.appendChild(more);
      }
      var href = safeLink(citation.url || '');
      if (href) {
        var link = el('a', 'open', 'Xem văn bản gốc');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        // The name starts with the visible words and adds which source and that it opens a new tab.
        link.appendChild(el('span', 'sr', ': ' + (citation.label || citation.title || '') + ' (mở trong thẻ mới)'));
        actions.appendChild(link);
      }
      if (actions.firstChild) item.appendChild(actions);
      return item;
    }

    function sourcesBlock(answered, citations) {
      var block = el('section', 'sources');
      var heading = el('h3', null, answered ? 'Nguồn' : 'Đoạn gần nhất');
      heading.id = 'kh57-s' + sequence;
      block.setAttribute('aria-labelledby', heading.id);
      block.appendChild(heading);
      var list = el('ol');
      citations.forEach(function (c, i) { list.appendChild(sourceItem(c, c.index || i + 1)); });
      block.appendChild(list);
      return block;
    }

    function feedbackBar(answerId) {
      var bar = el('div', 'fb');
      bar.appendChild(el('span', null, 'Câu trả lời có hữu ích không?'));
      var up = el('button'); up.type = 'button';
      up.appendChild(el('span', null, '👍 ')).setAttribute('aria-hidden', 'true');
      up.appendChild(document.createTextNode('Hữu ích'));
      var down = el('button'); down.type = 'button';
      down.appendChild(el('span', null, '👎 ')).setAttribute('aria-hidden', 'true');
      down.appendChild(document.createTextNode('Chưa hữu ích'));
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
        var label = el('label', null, 'Điều gì chưa đúng hoặc còn thiếu? (không bắt buộc)');
        var comment = el('textarea');
        comment.id = 'kh57-fb-' + answerId;
        label.htmlFor = comment.id;
        comment.maxLength = 2000;
        var submitButton = el('button', 'send-fb', 'Gửi góp ý'); submitButton.type = 'button';
        submitButton.addEventListener('click', function () { submit(false, comment.value.trim()); });
        bar.appendChild(label); bar.appendChild(comment); bar.appendChild(submitButton);
        comment.focus();
      });
      return bar;
    }

    // "Vì sao có câu trả lời này?": the same question asked again through /api/why, its trace told in plain words,
    // for trainees learning to check an answer against its source.
    function whyButton(question) {
      var button = el('button', 'why-open', 'Vì sao có câu trả lời này?');
      button.type = 'button';
      button.addEventListener('click', function () {
        var view = el('section', 'why');
        view.setAttribute('aria-busy', 'true');
        var title = el('h3', null, 'Vì sao có câu trả lời này?');
        title.id = 'kh57-why' + (++sequence);
        title.tabIndex = -1;
        view.setAttribute('aria-labelledby', title.id);
        view.appendChild(title);
        var status = el('p', 'busy', 'Đang giải thích');
        view.appendChild(status);
        button.replaceWith(view);
        var body = { question: question };
        if (SCOPE) body.scope = SCOPE;
        fetch(API + '/api/why', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'omit',
          body: JSON.stringify(body)
        }).then(function (r) {
          if (!r.ok) return readProblem(r).then(function (detail) { throw new Error(detail || statusMessage(r.status)); });
          return r.json();
        }).then(function (result) {
          status.remove();
          (result.sections || []).forEach(function (section) {
            view.appendChild(el('h4', null, section.title));
            var list = el('ul');
            (section.lines || []).forEach(function (line) { list.appendChild(el('li', null, line)); });
            view.appendChild(list);
          });
        }).catch(function (error) {
          status.className = '';
          status.textContent = (error && error.message) || 'Không giải thích được lúc này. Vui lòng thử lại sau.';
        }).then(function () {
          view.removeAttribute('aria-busy');
          // Its heading at the top of the log: the view is read from how the question was understood down.
          title.focus({ preventScroll: true });
          // Only the log scrolls: scrollIntoView would also move the panel inside the page.
          log.scrollTop += view.getBoundingClientRect().top - log.getBoundingClientRect().top;
        });
      });
      return button;
    }

    function ask(question, retrying) {
      question = (question || '').trim();
      if (!question || busy) return;
      if (question.length > MAX_QUESTION) question = question.slice(0, MAX_QUESTION);
      busy = true;
      send.disabled = true;
      suggestions.hidden = true;
      sequence++;
      if (!retrying) {
        input.value = '';
        resize();
        log.appendChild(el('div', 'msg user', question));
      }

      // The reply's first line holds the place the answer line takes, so nothing moves when it arrives;
      // the sources are added in one step below it once all have come.
      var message = el('div', 'msg bot');
      message.setAttribute('aria-busy', 'true');
      var line = el('p', 'line busy', 'Đang tìm trong các kế hoạch');
      message.appendChild(line);
      log.appendChild(message);
      scrollToEnd();

      var head = null, citations = [], shown = false, answerId = null;
      function showSources() {
        if (shown || !head || !citations.length) return;
        shown = true;
        message.appendChild(sourcesBlock(head.answered, citations));
      }

      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      var timer = controller && setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      var request = { question: question };
      if (SCOPE) request.scope = SCOPE;
      if (conversationId) request.conversationId = conversationId;

      askStream(request, function (event) {
        var data;
        try { data = JSON.parse(event.data || '{}'); } catch (e) { return; }
        if (event.event === 'answer') {
          head = data;
          conversationId = data.conversationId || conversationId;
          if (conversationId) storage(conversationKey, conversationId);
          answerId = data.answerId;
          line.className = 'line';
          renderLine(line, data.answer, data.answered ? data.value : null);
        } else if (event.event === 'citation') {
          citations.push(data);
          if (head && citations.length >= (head.citationCount || 0)) showSources();
        } else if (event.event === 'done') {
          showSources();
          if (answerId) message.appendChild(feedbackBar(answerId));
          if (head) message.appendChild(whyButton(question));
        }
      }, controller && controller.signal).then(function () {
        if (!head) throw new Error('Máy chủ không gửi câu trả lời. Vui lòng thử lại.');
      }).catch(function (error) {
        var problem = describeError(error);
        message.classList.add('error');
        line.className = 'line';
        line.textContent = problem.text;
        if (problem.retry) {
          var retry = el('button', 'retry', 'Thử lại');
          retry.type = 'button';
          retry.addEventListener('click', function () {
            message.remove();
            ask(question, true);
          });
          message.appendChild(retry);
          setTimeout(function () { if (!panel.hidden) retry.focus(); }, 0);
        }
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

    // "Luyện tập": practice questions made from the plans, one at a time, checked by the server, score at the end.
    var practice = root.querySelector('.practice');
    var modeButton = root.querySelector('.mode');
    var note = root.querySelector('.note');
    var quiz = null;

    function setPractice(on) {
      modeButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      log.hidden = on;
      form.hidden = on;
      note.hidden = on;
      suggestions.hidden = on || !suggestions.childElementCount;
      practice.hidden = !on;
      if (on) startQuiz();
      else input.focus();
    }

    function startQuiz() {
      practice.textContent = '';
      var status = el('p', 'quiz-progress', 'Đang tải câu hỏi…');
      status.setAttribute('role', 'status');
      practice.appendChild(status);
      fetch(API + '/api/quiz?count=5' + (SCOPE ? '&plan=' + encodeURIComponent(SCOPE) : ''), { credentials: 'omit' })
        .then(function (r) {
          if (r.ok) return r.json();
          return readProblem(r).then(function (detail) { throw new Error(detail || statusMessage(r.status)); });
        })
        .then(function (items) {
          if (!items || !items.length) { status.textContent = 'Chưa có câu hỏi luyện tập cho kế hoạch này.'; return; }
          quiz = { items: items, index: 0, right: 0 };
          showQuestion();
        })
        .catch(function (error) { status.textContent = (error && error.message) || 'Không tải được câu hỏi. Vui lòng thử lại sau.'; });
    }

    function showQuestion() {
      var item = quiz.items[quiz.index];
      practice.textContent = '';
      practice.appendChild(el('p', 'quiz-progress', 'Câu ' + (quiz.index + 1) + '/' + quiz.items.length + ' · ' + item.kindName + ' · ' + item.levelName));
      var stem = el('h3', 'quiz-stem', item.stem);
      stem.id = 'kh57-stem';
      stem.tabIndex = -1;
      practice.appendChild(stem);
      var group = el('div', 'quiz-options');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-labelledby', 'kh57-stem');
      item.options.forEach(function (option, i) {
        var button = el('button', 'quiz-option', 'ABCD'.charAt(i) + '. ' + option);
        button.type = 'button';
        button.addEventListener('click', function () { choose(item, i, group); });
        group.appendChild(button);
      });
      practice.appendChild(group);
      var result = el('div', 'quiz-feedback');
      result.setAttribute('role', 'status');
      practice.appendChild(result);
      stem.focus();
    }

    function choose(item, choice, group) {
      var buttons = Array.prototype.slice.call(group.querySelectorAll('button'));
      buttons.forEach(function (b) { b.disabled = true; });
      var result = practice.querySelector('.quiz-feedback');
      fetch(API + '/api/quiz/answer', {
        method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: item.id, choice: choice })
      }).then(function (r) {
        if (r.ok) return r.json();
        return readProblem(r).then(function (detail) { throw new Error(detail || statusMessage(r.status)); });
      }).then(function (checked) {
        if (checked.correct) quiz.right++;
        buttons[checked.correctIndex].classList.add('right');
        buttons[checked.correctIndex].appendChild(document.createTextNode(' — đáp án đúng'));
        if (!checked.correct) {
          buttons[choice].classList.add('wrong');
          buttons[choice].appendChild(document.createTextNode(' — bạn chọn'));
        }
        result.appendChild(el('p', 'quiz-verdict', checked.verdict));
        result.appendChild(el('p', 'quiz-source', 'Nguồn: ' + checked.source));
        result.appendChild(el('blockquote', null, checked.quote));
        var href = safeLink(API + checked.url);
        if (href) {
          var link = el('a', null, 'Xem văn bản gốc');
          link.href = href;
          link.target = '_blank';
          link.rel = 'noopener';
          result.appendChild(link);
        }
        var last = quiz.index + 1 >= quiz.items.length;
        var next = el('button', 'quiz-next', last ? 'Xem kết quả' : 'Câu tiếp theo');
        next.type = 'button';
        next.addEventListener('click', function () {
          quiz.index++;
          if (last) showScore(); else showQuestion();
        });
        result.appendChild(next);
        next.focus();
      }).catch(function (error) {
        buttons.forEach(function (b) { b.disabled = false; });
        result.textContent = (error && error.message) || 'Không kiểm tra được câu trả lời. Vui lòng thử lại.';
      });
    }

    function showScore() {
      practice.textContent = '';
      var heading = el('h3', 'quiz-score', 'Kết quả: đúng ' + quiz.right + '/' + quiz.items.length + ' câu.');
      heading.tabIndex = -1;
      heading.setAttribute('role', 'status');
      practice.appendChild(heading);
      var again = el('button', 'quiz-next', 'Làm lại');
      again.type = 'button';
      again.addEventListener('click', startQuiz);
      practice.appendChild(again);
      heading.focus();
    }

    modeButton.addEventListener('click', function () { setPractice(modeButton.getAttribute('aria-pressed') !== 'true'); });
    bubble.addEventListener('click', open);
    closeButton.addEventListener('click', close);
    form.addEventListener('submit', function (event) { event.preventDefault(); ask(input.value); });
    input.addEventListener('input', resize);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); ask(input.value); }
    });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { event.preventDefault(); close(); }
      else if (event.key === 'Tab' && isModal()) trapFocus(event);
    });
    if (phone.addEventListener) phone.addEventListener('change', syncModal);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
