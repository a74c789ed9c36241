// The built-in web chat: plain JavaScript speaking Direct Line 3.0 to /v3/directline (no build step, no CDN).
// One Direct Line conversation per pane: the private chat of the chosen identity, and one per shared room.
(() => {
  'use strict';

  const DOMAIN = '/v3/directline';
  const REFRESH_MS = 15 * 60 * 1000;
  const POLL_MS = 1000;

  class Conversation {
    constructor(pane, userId, room) {
      this.pane = pane;
      this.userId = userId;
      this.room = room;
      this.transcript = pane.querySelector('.transcript');
      this.status = pane.querySelector('.status');
      this.seen = new Set();
      this.pending = new Map();
      this.replaceable = new Map();
      this.watermark = '0';
      this.stopped = false;
    }

    async start() {
      this.setStatus('connecting…');
      const body = { user: { id: this.userId }, locale: navigator.language || 'en-US' };
      if (this.room) body.room = this.room;
      const started = await this.request('POST', '/conversations', body);
      this.id = started.conversationId;
      this.token = started.token;
      await this.poll();
      this.openStream(started.streamUrl);
      this.refreshTimer = setInterval(() => this.refresh(), REFRESH_MS);
    }

    stop() {
      this.stopped = true;
      clearInterval(this.refreshTimer);
      clearTimeout(this.pollTimer);
      if (this.socket) this.socket.close();
    }

    async request(method, path, body) {
      const headers = { Accept: 'application/json' };
      if (this.token) headers.Authorization = 'Bearer ' + this.token;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(DOMAIN + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      const json = text ? JSON.parse(text) : {};
      if (!response.ok) throw new Error((json.detail || json.title || response.statusText) + ' (' + response.status + ')');
      return json;
    }

    async poll() {
      const page = await this.request('GET', '/conversations/' + encodeURIComponent(this.id) + '/activities?watermark=' + this.watermark);
      this.receive(page);
    }

    openStream(streamUrl) {
      if (!streamUrl || !window.WebSocket) return this.pollLoop();
      const socket = new WebSocket(streamUrl + '&watermark=' + encodeURIComponent(this.watermark));
      this.socket = socket;
      socket.onopen = () => this.setStatus('online');
      socket.onmessage = (e) => { if (e.data) this.receive(JSON.parse(e.data)); };
      socket.onclose = () => { if (!this.stopped) { this.setStatus('polling'); this.pollLoop(); } };
    }

    pollLoop() {
      if (this.stopped) return;
      this.poll().then(() => this.setStatus('online'), (e) => this.setStatus(e.message))
        .finally(() => { this.pollTimer = setTimeout(() => this.pollLoop(), POLL_MS); });
    }

    async refresh() {
      try { this.token = (await this.request('POST', '/tokens/refresh')).token; } catch (e) { this.setStatus(e.message); }
    }

    receive(page) {
      if (page.watermark) this.watermark = page.watermark;
      for (const activity of page.activities || []) this.render(activity);
    }

    async send(activity) {
      const clientActivityID = Date.now().toString(36) + Math.random().toString(36).slice(2);
      activity = Object.assign({ type: 'message', from: { id: this.userId }, locale: navigator.language || 'en-US' }, activity);
      activity.channelData = Object.assign({ clientActivityID }, activity.channelData || {});
      const item = this.bubble(true, this.userId, displayText(activity));
      item.classList.add('pending');
      this.pending.set(clientActivityID, item);
      try {
        await this.ready; // typed before the conversation was up: send once it is
        await this.request('POST', '/conversations/' + encodeURIComponent(this.id) + '/activities', activity);
      } catch (e) {
        item.classList.add('failed');
        item.querySelector('.who').textContent = 'not sent: ' + e.message;
      }
    }

    render(activity) {
      if (!activity.id || this.seen.has(activity.id) || activity.type !== 'message') return;
      this.seen.add(activity.id);
      const fromUser = activity.from && activity.from.role === 'user';
      const clientId = activity.channelData && activity.channelData.clientActivityID;
      if (fromUser && clientId && this.pending.has(clientId)) {
        const item = this.pending.get(clientId);
        this.pending.delete(clientId);
        item.classList.remove('pending');
        item.dataset.activityId = activity.id;
        return;
      }
      for (const old of this.transcript.querySelectorAll('.suggested')) old.remove();
      const name = fromUser ? activity.from.id : (activity.from && activity.from.name) || 'bot';
      const item = this.bubble(fromUser, name, displayText(activity));
      item.dataset.activityId = activity.id;
      const replaceKey = activity.channelData && activity.channelData.replaceKey;
      if (replaceKey) { // a newer version of a card (a ticket whose status changed): it takes the old one's place
        const old = this.replaceable.get(replaceKey);
        if (old) old.replaceWith(item);
        this.replaceable.set(replaceKey, item);
      }
      for (const attachment of activity.attachments || []) {
        if (attachment.contentType === 'application/vnd.microsoft.card.hero') item.appendChild(this.heroCard(attachment.content || {}));
      }
      const suggested = activity.suggestedActions && activity.suggestedActions.actions;
      if (suggested && suggested.length) {
        const actions = this.actions(suggested);
        actions.classList.add('suggested');
        item.appendChild(actions);
      }
    }

    bubble(fromUser, who, text) {
      const item = document.createElement('li');
      item.className = fromUser ? 'from-user' : 'from-bot';
      item.setAttribute('role', 'article');
      const label = document.createElement('span');
      label.className = 'who';
      label.textContent = who;
      item.appendChild(label);
      if (text) {
        const bubble = document.createElement('div');
        bubble.className = 'bubble';
        bubble.textContent = text;
        item.appendChild(bubble);
      }
      this.transcript.appendChild(item);
      this.transcript.scrollTop = this.transcript.scrollHeight;
      return item;
    }

    heroCard(content) {
      const card = document.createElement('div');
      card.className = 'card';
      for (const part of ['title', 'subtitle', 'text']) {
        if (!content[part]) continue;
        const line = document.createElement('div');
        line.className = part;
        line.textContent = content[part];
        card.appendChild(line);
      }
      if (content.buttons && content.buttons.length) card.appendChild(this.actions(content.buttons));
      return card;
    }

    actions(cardActions) {
      const box = document.createElement('div');
      box.className = 'actions';
      for (const action of cardActions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.title || String(action.value);
        button.addEventListener('click', () => this.press(action));
        box.appendChild(button);
      }
      return box;
    }

    press(action) {
      switch (action.type) {
        case 'imBack':
          return this.send({ text: String(action.value) });
        case 'postBack':
          return typeof action.value === 'string'
            ? this.send({ text: action.value, channelData: { postBack: true } })
            : this.send({ value: action.value, channelData: { postBack: true } });
        case 'openUrl':
          return window.open(action.value, '_blank', 'noopener');
        default: // messageBack
          return this.send({ text: action.text, value: action.value, channelData: { messageBack: { displayText: action.displayText || action.title } } });
      }
    }

    setStatus(text) { this.status.textContent = text; }
  }

  function displayText(activity) {
    if (activity.text) return activity.text;
    const back = activity.channelData && activity.channelData.messageBack;
    if (back && back.displayText) return back.displayText;
    return '';
  }

  // A grey line at the top of an empty private chat, so a newcomer knows what to do.
  function hint(pane, text) {
    const item = document.createElement('li');
    item.className = 'hint';
    item.textContent = text;
    pane.querySelector('.transcript').prepend(item);
  }

  let conversations = [];

  async function become(button) {
    for (const c of conversations) c.stop();
    for (const b of document.querySelectorAll('#identities button')) b.setAttribute('aria-pressed', String(b === button));
    const userId = button.dataset.user;
    location.hash = 'as=' + userId;
    conversations = [];
    for (const pane of document.querySelectorAll('.pane')) {
      pane.querySelector('.transcript').textContent = '';
      const room = pane.dataset.room || null;
      if (!room) pane.querySelector('.pane-title').textContent = 'Private chat — ' + button.dataset.role + ' ' + userId;
      const conversation = new Conversation(pane, userId, room);
      conversations.push(conversation);
      pane.querySelector('.sendbox').onsubmit = (e) => {
        e.preventDefault();
        const input = e.target.elements.text;
        const text = input.value.trim();
        if (!text) return;
        input.value = '';
        conversation.send({ text });
      };
      conversation.ready = conversation.start();
      conversation.ready.catch((e) => conversation.setStatus(/\((401|403)\)/.test(e.message)
        ? 'needs credentials: this page works when Channels:WebChat:DirectLineSecret is empty (local use); with a secret, embed Web Chat with a token'
        : 'offline: ' + e.message));
      if (!room) hint(pane, 'Describe your problem, for example "VPN does not connect" — or type help.');
    }
  }

  const buttons = Array.from(document.querySelectorAll('#identities button'));
  for (const b of buttons) b.addEventListener('click', () => become(b));
  const wanted = /as=([\w.@-]+)/.exec(location.hash);
  become(buttons.find((b) => wanted && b.dataset.user === wanted[1]) || buttons[0]);
})();
