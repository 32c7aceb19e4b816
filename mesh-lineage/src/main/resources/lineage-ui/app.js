// The catalog web page: plain JavaScript over the catalog API, graphs drawn with cytoscape.
(function () {
  'use strict';

  const view = document.getElementById('view');
  let refreshTimer = null;
  let graphKey = null;
  let lastProductKey = null;

  const esc = (v) => String(v == null ? '' : v)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const badge = (s) => `<span class="badge ${esc(s || 'unknown')}">${esc(s || 'unknown')}</span>`;
  const num = (n) => (n == null ? '–' : Number(n).toLocaleString('en'));

  function duration(seconds) {
    if (seconds == null) return '–';
    const s = Math.round(seconds);
    if (s < 90) return s + ' s';
    if (s < 5400) return Math.round(s / 60) + ' min';
    if (s < 172800) return (s / 3600).toFixed(1).replace(/\.0$/, '') + ' h';
    return Math.round(s / 86400) + ' d';
  }

  function isoDuration(text) {
    const m = /^PT?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(text || '');
    if (!m) return text || '–';
    const secs = (+m[1] || 0) * 86400 + (+m[2] || 0) * 3600 + (+m[3] || 0) * 60 + (+m[4] || 0);
    return duration(secs);
  }

  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || response.statusText);
    return body;
  }

  function setNav(name) {
    document.querySelectorAll('[data-nav]').forEach((a) =>
      a.classList.toggle('active', a.dataset.nav === name));
  }

  function schedule(fn) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(fn, 10000);
  }

  // Products list.

  const filters = { q: '', domain: '', status: '' };

  async function products() {
    setNav('products');
    if (!document.getElementById('product-table')) {
      view.innerHTML = `
        <h1>Data products</h1>
        <p class="lead">Every product registered in the mesh, with its health, freshness and traffic.</p>
        <form class="filters" id="filters">
          <input id="f-q" type="search" placeholder="Search id, name, owner, tag…" aria-label="Search">
          <select id="f-domain" aria-label="Domain"><option value="">All domains</option></select>
          <select id="f-status" aria-label="Status">
            <option value="">Any status</option><option>healthy</option><option>degraded</option>
            <option>failing</option><option>stale</option><option>unknown</option>
          </select>
        </form>
        <div id="product-table"></div>`;
      const form = document.getElementById('filters');
      form.addEventListener('input', () => {
        filters.q = document.getElementById('f-q').value;
        filters.domain = document.getElementById('f-domain').value;
        filters.status = document.getElementById('f-status').value;
        renderProducts();
      });
      form.addEventListener('submit', (e) => e.preventDefault());
    }
    await renderProducts();
  }

  async function renderProducts() {
    const params = new URLSearchParams();
    Object.entries(filters).forEach(([k, v]) => { if (v) params.set(k, v); });
    const target = document.getElementById('product-table');
    try {
      const [all, found] = await Promise.all([api('/api/products'), api('/api/products?' + params)]);
      const domainSelect = document.getElementById('f-domain');
      const domains = [...new Set(all.products.map((p) => p.domain))].sort();
      if (domainSelect.options.length !== domains.length + 1) {
        domainSelect.innerHTML = '<option value="">All domains</option>' +
          domains.map((d) => `<option>${esc(d)}</option>`).join('');
        domainSelect.value = filters.domain;
      }
      if (found.products.length === 0) {
        target.innerHTML = `<div class="empty">${all.count === 0
          ? 'No data products yet: register a contract with the registry.'
          : 'No product matches these filters.'}</div>`;
      } else {
        target.innerHTML = `<table id="products"><thead><tr>
          <th>Product</th><th>Owner</th><th>Status</th><th>Freshness</th>
          <th class="num">Certified</th><th class="num">Dead letters</th><th class="num">Quality</th>
          <th class="num">Alerts</th><th class="num">Consumers</th></tr></thead><tbody>` +
          found.products.map((p) => `<tr class="product-row" data-product="${esc(p.productId)}">
            <td><a href="#/products/${encodeURIComponent(p.productId)}">${esc(p.name)}</a>
              <div class="id">${esc(p.productId)} · v${esc(p.version)}</div></td>
            <td>${esc(p.owner)}</td>
            <td>${badge(p.status)}</td>
            <td>${badge(p.freshness.status)} <span class="muted">${duration(p.freshness.ageSeconds)}</span></td>
            <td class="num">${num(p.certified)}</td>
            <td class="num">${num(p.deadLettered)}</td>
            <td class="num">${p.qualityScore == null ? '–' : p.qualityScore + ' %'}</td>
            <td class="num">${num(p.openAlerts)}</td>
            <td class="num">${num(p.consumers)}</td></tr>`).join('') + '</tbody></table>';
        target.querySelectorAll('tr.product-row').forEach((row) => row.addEventListener('click', (e) => {
          if (e.target.tagName !== 'A') location.hash = '#/products/' + encodeURIComponent(row.dataset.product);
        }));
      }
    } catch (e) {
      target.innerHTML = `<div class="error">Cannot load the catalog: ${esc(e.message)}</div>`;
    }
    schedule(renderProducts);
  }

  // One product.

  async function product(id) {
    setNav('products');
    let p;
    let graph;
    try {
      [p, graph] = await Promise.all([
        api('/api/products/' + encodeURIComponent(id)),
        api('/api/products/' + encodeURIComponent(id) + '/lineage')]);
    } catch (e) {
      view.innerHTML = `<p><a href="#/">← All products</a></p><div class="error">${esc(e.message)}</div>`;
      graphKey = null;
      return;
    }
    const s = p.summary;
    const f = s.freshness;
    const sla = p.sla || {};
    view.innerHTML = `
      <p><a href="#/">← All products</a></p>
      <div class="head"><h1>${esc(s.name)}</h1>${badge(s.status)}</div>
      <div class="id">${esc(s.productId)} · ${esc(p.topics.certified)}</div>
      <p class="lead">${esc(s.description) || '<span class="muted">No description.</span>'}</p>
      <div class="grid">
        <div class="card"><h2>Ownership</h2><dl>
          <dt>Owner</dt><dd id="owner">${esc(s.owner) || '–'}</dd>
          <dt>Domain</dt><dd>${esc(s.domain)}</dd>
          <dt>Support</dt><dd>${p.support.map((c) => c.url
            ? `<a href="${esc(c.url)}">${esc(c.channel)}</a>` : esc(c.channel)).join('<br>') || '–'}</dd>
          <dt>Tags</dt><dd>${s.tags.map((t) => `<span class="chip">${esc(t)}</span>`).join('') || '–'}</dd>
        </dl></div>
        <div class="card"><h2>Contract</h2><dl>
          <dt>Version</dt><dd>${esc(p.contract.version)} <span class="muted">(${esc(p.contract.status)})</span></dd>
          <dt>Compatibility</dt><dd>${esc(p.contract.compatibility)}</dd>
          <dt>History</dt><dd>${p.versions.map((v) => esc(v.version)).join(' → ')}</dd>
          <dt>Registered</dt><dd>${when(p.contract.registeredAt)}</dd>
        </dl></div>
        <div class="card"><h2>SLA &amp; freshness</h2><dl>
          <dt>Freshness</dt><dd id="freshness">${badge(f.status)} ${duration(f.ageSeconds)} old</dd>
          <dt>Freshness SLA</dt><dd>${isoDuration(sla.freshness)}</dd>
          <dt>Latency SLA</dt><dd>${isoDuration(sla.latency)}</dd>
          <dt>Retention</dt><dd>${isoDuration(sla.retention)}</dd>
          <dt>Newest event</dt><dd>${when(f.newestEventTime)}</dd>
        </dl></div>
        <div class="card"><h2>Quality</h2>
          <div class="big">${p.quality.score == null ? '–' : p.quality.score + ' %'}</div>
          <div class="muted">records that passed the contract</div><dl style="margin-top:8px">
          <dt>Health</dt><dd>${p.quality.health ? badge(p.quality.health) : '–'}</dd>
          <dt>Certified</dt><dd id="certified">${num(s.certified)}</dd>
          <dt>Dead letters</dt><dd id="dead-lettered">${num(s.deadLettered)}</dd>
        </dl></div>
      </div>
      <section><h2>Lineage</h2><div id="graph"></div>${legend()}</section>
      <section><h2>Open alerts</h2>${alerts(p.openAlerts)}</section>
      <section><h2>Schema</h2>${schema(p.schema)}</section>
      <section><h2>Consumers</h2>${consumers(p.consumers)}</section>`;
    graphKey = null;
    lastProductKey = productKey(p, graph);
    draw(graph, id, false);
    schedule(() => refreshProduct(id));
  }

  async function refreshProduct(id) {
    if (location.hash !== '#/products/' + encodeURIComponent(id)) return;
    try {
      const [p, graph] = await Promise.all([
        api('/api/products/' + encodeURIComponent(id)),
        api('/api/products/' + encodeURIComponent(id) + '/lineage')]);
      if (productKey(p, graph) !== lastProductKey) {
        await product(id);
        return;
      }
      // Only the age moved on: update it in place, keep the graph as the reader left it.
      const f = p.summary.freshness;
      document.getElementById('freshness').innerHTML = `${badge(f.status)} ${duration(f.ageSeconds)} old`;
      schedule(() => refreshProduct(id));
    } catch (e) {
      await product(id);
    }
  }

  const productKey = (p, graph) =>
    JSON.stringify([p, graph], (k, v) => (k === 'ageSeconds' ? undefined : v));

  function alerts(list) {
    if (!list.length) return '<div class="empty">No open alerts.</div>';
    return `<table><thead><tr><th>Check</th><th>Severity</th><th>Observed</th><th>Expected</th>
      <th>Since</th></tr></thead><tbody>` + list.map((a) => `<tr><td>${esc(a.check)}
      <div class="muted">${esc(a.summary)}</div></td><td>${badge(a.severity === 'error' ? 'failing'
      : a.severity === 'warning' ? 'degraded' : 'unknown')}</td><td>${esc(a.observed)}</td>
      <td>${esc(a.expected)}</td><td>${when(a.since)}</td></tr>`).join('') + '</tbody></table>';
  }

  function schema(fields) {
    if (!fields.length) return '<div class="empty">No schema published.</div>';
    return `<table id="schema"><thead><tr><th>Field</th><th>Type</th><th>Required</th>
      <th>Classification</th><th>Description</th></tr></thead><tbody>` + fields.map((f) => {
      const depth = (f.path.match(/\//g) || []).length - 1;
      return `<tr><td style="padding-left:${12 + depth * 18}px"><code>${esc(f.name)}</code></td>
        <td>${esc(f.type)}</td><td>${f.required ? 'yes' : 'no'}</td>
        <td>${f.classification ? `<span class="chip ${esc(f.classification.toLowerCase())}">${esc(f.classification)}</span>`
          + (f.masking ? ` <span class="muted">${esc(f.masking)}</span>` : '') : ''}</td>
        <td>${esc(f.description)}</td></tr>`;
    }).join('') + '</tbody></table>';
  }

  function consumers(list) {
    if (!list.length) return '<div class="empty">No consumer group reads this product yet.</div>';
    return `<table id="consumers"><thead><tr><th>Consumer group</th><th>State</th>
      <th class="num">Members</th><th class="num">Lag</th></tr></thead><tbody>` +
      list.map((c) => `<tr><td><code>${esc(c.groupId)}</code></td><td>${esc(c.state)}</td>
        <td class="num">${num(c.members)}</td><td class="num">${num(c.lag)}</td></tr>`).join('') +
      '</tbody></table>';
  }

  // The whole graph.

  async function lineage() {
    setNav('lineage');
    view.innerHTML = `<h1>Lineage</h1><p class="lead">Products, the products they are derived from,
      and the consumer groups reading them (discovered live from Kafka).</p>
      <div id="graph" class="full"></div>${legend()}`;
    graphKey = null;
    try {
      draw(await api('/api/lineage'), null, true);
    } catch (e) {
      view.insertAdjacentHTML('beforeend', `<div class="error">${esc(e.message)}</div>`);
    }
    schedule(lineage);
  }

  function legend() {
    return `<div class="legend"><span><i style="background:#12805c"></i>product</span>
      <span><i style="background:#fff;border:2px dashed #98a2b3"></i>declared upstream</span>
      <span><i style="background:#d0d5dd"></i>topic</span><span><i style="background:#2c5cc5"></i>gateway job</span>
      <span><i style="background:#f79009;border-radius:50%"></i>consumer group</span>
      <span><i style="background:#fff;border:3px solid #f79009;border-radius:50%"></i>approved subscriber</span></div>`;
  }

  const STATUS_COLORS = { healthy: '#12805c', degraded: '#b54708', failing: '#c01048',
    stale: '#6941c6', unknown: '#667085' };

  function draw(graph, focus, full) {
    const container = document.getElementById('graph');
    if (!container || typeof cytoscape === 'undefined') return;
    const key = JSON.stringify(graph);
    if (key === graphKey && window.meshGraph) return;
    graphKey = key;
    const elements = graph.nodes.map((n) => ({ data: {
      id: n.id, label: n.label, kind: n.kind, status: n.status || 'unknown',
      productId: n.productId, focus: n.id === focus ? 'yes' : 'no' } }))
      .concat(graph.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, kind: e.kind } })));
    const cy = cytoscape({
      container,
      elements,
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      // A small graph is not blown up to fill the box: labels stay readable and apart.
      maxZoom: 1.1,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom',
          'text-margin-y': 6, color: '#344054', 'text-wrap': 'wrap', 'text-max-width': 160 } },
        { selector: 'node[kind = "product"]', style: { shape: 'round-rectangle', width: 46, height: 30,
          'background-color': (n) => STATUS_COLORS[n.data('status')] || '#667085' } },
        { selector: 'node[focus = "yes"]', style: { 'border-width': 4, 'border-color': '#101828',
          'font-weight': 'bold' } },
        { selector: 'node[kind = "external"]', style: { shape: 'round-rectangle', width: 46, height: 30,
          'background-color': '#fff', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#98a2b3' } },
        { selector: 'node[kind = "topic"]', style: { shape: 'rectangle', width: 34, height: 22,
          'background-color': '#d0d5dd' } },
        { selector: 'node[kind = "job"]', style: { shape: 'diamond', width: 30, height: 30,
          'background-color': '#2c5cc5' } },
        { selector: 'node[kind = "consumer"]', style: { shape: 'ellipse', width: 26, height: 26,
          'background-color': '#f79009' } },
        { selector: 'node[kind = "subscriber"]', style: { shape: 'ellipse', width: 26, height: 26,
          'background-color': '#fff', 'border-width': 3, 'border-color': '#f79009' } },
        { selector: 'edge', style: { width: 2, 'line-color': '#98a2b3', 'target-arrow-color': '#98a2b3',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 1.1 } },
        { selector: 'edge[kind = "consumes"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[kind = "subscribed"]', style: { 'line-style': 'dotted' } }
      ],
      layout: { name: 'preset' }
    });
    // Data flows top to bottom: sources (nothing flows into them) on the first row.
    cy.layout({ name: 'breadthfirst', directed: true, roots: cy.nodes().roots(),
      spacingFactor: full ? 1.5 : 1.75, padding: 40, avoidOverlap: true }).run();
    cy.on('tap', 'node', (evt) => {
      const n = evt.target.data();
      if ((n.kind === 'product') && n.productId && n.productId !== focus) {
        location.hash = '#/products/' + encodeURIComponent(n.productId);
      }
    });
    window.meshGraph = cy;
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
  }

  function route() {
    clearTimeout(refreshTimer);
    const hash = location.hash || '#/';
    const m = /^#\/products\/(.+)$/.exec(hash);
    if (m) return product(decodeURIComponent(m[1]));
    if (hash === '#/lineage') return lineage();
    return products();
  }

  window.addEventListener('hashchange', route);
  route();
})();
