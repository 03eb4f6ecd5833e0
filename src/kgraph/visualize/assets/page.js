// The kgraph page: draws the graph with vis-network and explains each node from the article's own words.
// Everything shown comes from article text and is untrusted: it is only ever set with textContent.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = (id) => document.getElementById(id);
  const classes = data.classes;
  const sentences = data.sentences;
  const panels = data.panels;
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const neighbours = new Map(data.nodes.map((n) => [n.id, new Set()]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e, i) => {
    neighbours.get(e.from).add(e.to);
    neighbours.get(e.to).add(e.from);
    edgesOf.get(e.from).push(i);
    if (e.to !== e.from) edgesOf.get(e.to).push(i);
  });
  const enabled = classes.map(() => true);
  // every word the page itself says, in both languages; what the graph says comes with its own labels
  const UI = {
    en: {
      search: "Search labels (ru / en)",
      hop1: "Neighbours",
      hop2: "2 hops",
      showAll: "Show all",
      unfreeze: "Unfreeze layout",
      freeze: "Freeze layout",
      fit: "Fit",
      group: "Group by class",
      language: "Language",
      classes: "Classes",
      articleFilter: "Article",
      allArticles: "All articles",
      from: "from",
      to: "to",
      hint: "Click a node or an edge to see what the article says about it and where.",
      counts: (n, nt, e, et) => n + " of " + nt + " nodes, " + e + " of " + et + " edges shown",
      russian: "Russian",
      english: "English",
      transliteration: "Transliteration (ru-Latn)",
      facts: "Facts",
      quantities: "Quantities",
      quotes: "Quotes and statements",
      mentioned: "Mentioned in",
      articles: "Articles",
      implied: "implied",
      more: (name, count) => name + ": " + count + " more neighbours — show them",
      self: "this",
    },
    ru: {
      search: "Поиск по названиям (рус. / англ.)",
      hop1: "Соседи",
      hop2: "2 шага",
      showAll: "Показать всё",
      unfreeze: "Разморозить раскладку",
      freeze: "Заморозить раскладку",
      fit: "Вписать",
      group: "Группировать по классам",
      language: "Язык",
      classes: "Классы",
      articleFilter: "Статья",
      allArticles: "Все статьи",
      from: "с",
      to: "по",
      hint: "Нажмите на узел или связь, чтобы увидеть, что и где о них говорится в статье.",
      counts: (n, nt, e, et) => "Показано узлов: " + n + " из " + nt + ", связей: " + e + " из " + et,
      russian: "Русский",
      english: "Английский",
      transliteration: "Транслитерация (ru-Latn)",
      facts: "Факты",
      quantities: "Числа",
      quotes: "Цитаты и высказывания",
      mentioned: "Упоминания",
      articles: "Статьи",
      implied: "выведено",
      more: (name, count) => name + ": ещё " + count + " — показать",
      self: "этот узел",
    },
  };
  const LANGUAGE_KEY = "kgraph-language";
  function remembered() {
    try {
      const stored = window.localStorage.getItem(LANGUAGE_KEY);
      return stored === "ru" || stored === "en" ? stored : null;
    } catch (error) {
      return null; // storage refused (a private window, a file:// policy): the page still works
    }
  }
  let language = remembered() || (data.language === "ru" ? "ru" : "en");
  const ui = (key) => UI[language][key];
  let focus = null;
  let selected = null;
  let grouped = false;

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = text;
    if (className) made.className = className;
    return made;
  }
  const say = (pair) => pair[language] || pair.en;
  const shown = (id) =>
    present.has(id) && enabled[nodeById.get(id).c] && (focus === null || focus.has(id)) && inPeriod(id);
  // several articles: filter by one of them and by the dates they were published; a node shows when an article
  // chosen names it
  const articleDate = new Map();
  Object.values(panels).forEach((panel) => panel.articles.forEach((a) => {
    if (a.node !== undefined) articleDate.set(a.node, (a.date || "").slice(0, 10));
  }));
  const articlesOf = (id) => panels[id].articles.filter((a) => a.node !== undefined).map((a) => a.node);
  let chosenArticles = null; // null: no filter
  function inPeriod(id) {
    if (chosenArticles === null) return true;
    if (articleDate.has(id)) return chosenArticles.has(id);
    // a node no article names ("Фото: kremlin.ru") is none of the chosen articles' either: it had passed every filter
    return articlesOf(id).some((a) => chosenArticles.has(a));
  }

  // importance: the most connected entities (LABELLED of them; articles, whose headlines are long, after them)
  // are drawn largest and labelled legibly at once; the others grow with their degree, their labels shown as
  // one zooms in
  const LABELLED = 12;
  const MORE_LABELLED = 40;
  const MORE_CANDIDATES = 200;
  const LEGIBLE_PX = 13;
  const ARTICLE = "https://schema.org/NewsArticle";
  const MENTIONS = "https://schema.org/mentions";
  const degree = (id) => neighbours.get(id).size;
  const article = (id) => classes[nodeById.get(id).c].iri === ARTICLE;
  const ranked = data.nodes
    .map((n) => n.id)
    .sort((a, b) => article(a) - article(b) || degree(b) - degree(a) || (a < b ? -1 : 1));
  const top = new Set(ranked.slice(0, LABELLED));
  const rank = new Map(ranked.map((id, i) => [id, i]));
  const most = data.nodes.reduce((found, n) => Math.max(found, degree(n.id)), 1); // no spread: 100,000 arguments
  const importance = (id) => (top.has(id) ? 1 : 0.6 * Math.sqrt(degree(id) / most));
  // a big graph opens on its OPENING most important nodes, never drawing more than that at first; a click on a
  // node brings in its neighbours (HUB at a time, the most important first), search brings in any node
  const OPENING = 1000;
  const HUB = 50;
  const present = new Set(ranked.slice(0, OPENING));
  let fontSize = () => 14;
  let labelShift = () => 0; // a label moved above its node, in canvas units (see legibleAt)
  const drawnNode = (n) => {
    const cls = classes[n.c];
    const value = importance(n.id);
    return {
      // the title is the hover's tooltip (text, not HTML, in vis-network 9): the name of a node whose label is
      // too small to draw or was left out because it would cover another
      id: n.id, cls: n.c, label: n[language], title: n[language], x: n.x, y: n.y, shape: cls.shape, color: cls.color,
      value: value, font: { size: fontSize(n.id), vadjust: labelShift(n.id) }, hidden: !shown(n.id),
    };
  };
  const drawnEdge = (i) => {
    const e = data.edges[i];
    return { id: "e" + i, from: e.from, to: e.to, label: e[language], arrows: "to", hidden: !(shown(e.from) && shown(e.to)) };
  };
  const nodes = new vis.DataSet(data.nodes.filter((n) => present.has(n.id)).map(drawnNode));
  const edges = new vis.DataSet(
    data.edges.map((e, i) => i).filter((i) => present.has(data.edges[i].from) && present.has(data.edges[i].to)).map(drawnEdge),
  );
  // bring nodes into the view, with their edges to what is there already
  function bringIn(ids) {
    const fresh = ids.filter((id) => !present.has(id));
    if (fresh.length === 0) return 0;
    fresh.forEach((id) => present.add(id));
    nodes.add(fresh.map((id) => drawnNode(nodeById.get(id))));
    const added = new Set();
    fresh.forEach((id) => edgesOf.get(id).forEach((i) => {
      const e = data.edges[i];
      if (!added.has(i) && present.has(e.from) && present.has(e.to) && edges.get("e" + i) === null) {
        added.add(i);
      }
    }));
    edges.add([...added].map(drawnEdge));
    updateCounts();
    return fresh.length;
  }
  // the neighbours of a node not in the view yet, the most important first
  const outside = (id) => [...neighbours.get(id)].filter((other) => !present.has(other)).sort((a, b) => rank.get(a) - rank.get(b));
  const large = data.nodes.length > 2000;
  // a node's radius in canvas units: from SIZE_MIN to SIZE_MAX by importance (vis-network's scaling); zoomed far
  // out, both grow so that the labelled nodes stay TOP_PX and the least DOT_PX on screen, their class's colour and
  // shape told apart (at the NEREL-dev page's opening zoom they had been dots of 1.5 px)
  const SIZE_MIN = 8;
  const SIZE_MAX = 28;
  const TOP_PX = 7;
  const DOT_PX = 1.5;
  let sizeMin = SIZE_MIN;
  let sizeMax = SIZE_MAX;
  const radius = (id) => sizeMin + (sizeMax - sizeMin) * importance(id);
  function sizesAt(scale) {
    const low = Math.max(SIZE_MIN, DOT_PX / scale);
    const high = Math.max(SIZE_MAX, TOP_PX / scale);
    if (low === sizeMin && high === sizeMax) return;
    sizeMin = low;
    sizeMax = high;
    network.setOptions({ nodes: { scaling: { min: low, max: high } } });
  }
  const network = new vis.Network(
    byId("graph"),
    { nodes: nodes, edges: edges },
    {
      layout: { improvedLayout: false, randomSeed: 7 },
      physics: { enabled: false, solver: "barnesHut", stabilization: false },
      nodes: {
        size: 14,
        font: { size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
        borderWidth: 1,
        scaling: {
          min: SIZE_MIN,
          max: SIZE_MAX,
          customScalingFunction: (min, max, total, value) => value,
          label: { enabled: false, drawThreshold: 10, maxVisible: 24 },
        },
      },
      edges: {
        smooth: false,
        width: 1,
        color: { color: "#a8b0b8", highlight: "#d62728", hover: "#555555", inherit: false },
        font: { size: 10, color: "#555555", strokeWidth: 2, align: "middle" },
        arrows: { to: { scaleFactor: 0.5 } },
      },
      interaction: { hover: !large, hideEdgesOnDrag: large, hideEdgesOnZoom: large, tooltipDelay: 300 },
    },
  );
  // labels are sized for the opening view: the most important nodes' at least LEGIBLE_PX on screen, whatever the
  // zoom that shows the whole graph, taken in order of importance and skipping any whose label would cover one
  // already placed (overlapping labels are read by nobody); vis-network draws no label under drawThreshold px and
  // none over maxVisible px, so the others show as one zooms in
  // a label that would cover one already placed, or a node drawn large enough to be seen (SEEN_PX), or sit right
  // under or over another label, goes above its node instead (font.vadjust); where both do, the first that covers
  // no label or node, else the first that covers no label; else it is unlabelled
  const measure = document.createElement("canvas").getContext("2d");
  const labelled = new Map(); // id -> vertical shift of its label, in canvas units
  const SEEN_PX = 5; // a node drawn smaller than this (a far zoom) may lie under a label
  // after a zoom, a search or a fit (`inView`): the labels keep LEGIBLE_PX on screen at any scale (a label sized for
  // the opening view grew to 40 px and more as one zoomed in) and go to the most important nodes inside the canvas
  function legibleAt(scale, inView = false) {
    sizesAt(scale);
    const largest = inView ? LEGIBLE_PX / scale : Math.max(14, LEGIBLE_PX / scale);
    const canvasBox = byId("graph");
    const onCanvas = (id) => {
      const at = network.canvasToDOM(network.getPosition(id));
      return at.x >= 0 && at.y >= 0 && at.x <= canvasBox.clientWidth && at.y <= canvasBox.clientHeight;
    };
    measure.font = largest * scale + "px arial"; // the size the labels are drawn at
    const placed = [];
    const PAD = 3; // where vis-network draws a label differs from this estimate by a pixel or two
    const overlaps = (box, o, pad) => box[0] < o[2] + pad && o[0] < box[2] + pad && box[1] < o[3] + pad && o[1] < box[3] + pad;
    // two labels one right under the other (sharing most of the narrower's width) read as one label of two lines
    const LINE = 10;
    const stacked = (box, o) =>
      Math.min(box[2], o[2]) - Math.max(box[0], o[0]) >= 0.8 * Math.min(box[2] - box[0], o[2] - o[0]) &&
      box[1] < o[3] + LINE && o[1] < box[3] + LINE;
    const shapes = []; // [box, id] of every node drawn at SEEN_PX or more
    for (const id of nodes.getIds()) {
      if (!shown(id)) continue;
      const r = radius(id) * scale;
      if (r < SEEN_PX) continue;
      const at = network.canvasToDOM(network.getPosition(id));
      shapes.push([[at.x - r, at.y - r, at.x + r, at.y + r], id]);
    }
    const clear = (box) => !placed.some((o) => overlaps(box, o, PAD));
    const free = (box, own) => clear(box) && !shapes.some(([o, id]) => id !== own && overlaps(box, o, 0));
    // covering no node and no label, though nearer a label than PAD: better than a side that covers a node
    const barely = (box, own) =>
      !placed.some((o) => overlaps(box, o, 0)) && !shapes.some(([o, id]) => id !== own && overlaps(box, o, 0));
    const apart = (box, own) => free(box, own) && !placed.some((o) => stacked(box, o));
    labelled.clear();
    // `fits` picks the side of the node its label goes (below first), or none
    function place(id, fits) {
      const at = network.canvasToDOM(network.getPosition(id));
      const half = measure.measureText(nodeById.get(id)[language]).width / 2 + 2;
      // from the node's centre to the top of its label as vis-network draws it below: the node's size (`radius`),
      // then 4 and half the font (measured in Chromium at font sizes 14 and 38)
      const reach = (radius(id) + 4 + largest / 2) * scale;
      const height = largest * scale + 4;
      const below = [at.x - half, at.y + reach, at.x + half, at.y + reach + height];
      const above = [at.x - half, at.y - reach - height, at.x + half, at.y - reach];
      const box = fits([below, above], id);
      if (box === undefined) return;
      placed.push(box);
      labelled.set(id, box === below ? 0 : -(2 * reach + height) / scale);
    }
    const candidates = inView ? ranked.filter((id) => present.has(id) && shown(id) && onCanvas(id)) : ranked;
    for (const id of candidates.slice(0, 4 * LABELLED)) {
      if (labelled.size === LABELLED) break;
      if (present.has(id)) {
        place(
          id,
          (sides, own) =>
            sides.find((c) => apart(c, own)) || sides.find((c) => free(c, own)) || sides.find((c) => barely(c, own)) || sides.find(clear),
        );
      }
    }
    const main = placed.slice();
    // then the next most important nodes whose labels cover nothing, sit under or over no other and lie inside the
    // canvas (a small graph: every node), up to MORE_LABELLED labels in all; the view is framed on the first ones
    const canvas = byId("graph");
    const inside = (box) => box[0] >= 0 && box[1] >= 0 && box[2] <= canvas.clientWidth && box[3] <= canvas.clientHeight;
    for (const id of candidates.slice(0, MORE_CANDIDATES)) {
      if (labelled.size >= MORE_LABELLED) break;
      if (present.has(id) && shown(id) && !labelled.has(id)) {
        place(id, (sides, own) => sides.find((c) => inside(c) && apart(c, own)));
      }
    }
    fontSize = (id) => (labelled.has(id) ? largest : largest * (0.25 + 0.35 * importance(id)));
    labelShift = (id) => labelled.get(id) || 0;
    nodes.update(nodes.getIds().map((id) => ({ id: id, font: { size: fontSize(id), vadjust: labelShift(id) } })));
    return main;
  }
  // a label that runs off the canvas is read by nobody: the view is centred on the labels and, where they are wider
  // or taller than the canvas, zoomed out (the labels keep their size on screen, so a few rounds)
  function labelsInView(boxes) {
    const canvas = byId("graph");
    const MARGIN = 8;
    for (let round = 0; round < 3 && boxes.length; round++) {
      const left = Math.min(...boxes.map((b) => b[0]));
      const top = Math.min(...boxes.map((b) => b[1]));
      const right = Math.max(...boxes.map((b) => b[2]));
      const bottom = Math.max(...boxes.map((b) => b[3]));
      if (left >= 0 && top >= 0 && right <= canvas.clientWidth && bottom <= canvas.clientHeight) return;
      const factor = Math.min(1, (canvas.clientWidth - 2 * MARGIN) / (right - left), (canvas.clientHeight - 2 * MARGIN) / (bottom - top));
      const view = network.getViewPosition();
      const middle = network.DOMtoCanvas({ x: (left + right) / 2, y: (top + bottom) / 2 });
      const x = left < 0 || right > canvas.clientWidth ? middle.x : view.x;
      const y = top < 0 || bottom > canvas.clientHeight ? middle.y : view.y;
      network.moveTo({ position: { x: x, y: y }, scale: network.getScale() * factor, animation: false });
      boxes = legibleAt(network.getScale());
    }
  }
  // a big graph opens on where its nodes are, not on the few small islands far out (they make everything tiny)
  function openingView() {
    const ids = nodes.getIds().filter(shown);
    if (ids.length <= 200) return network.fit({ animation: false });
    const at = ids.map((id) => network.getPosition(id));
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const cx = median(at.map((p) => p.x));
    const cy = median(at.map((p) => p.y));
    const far = at.map((p) => Math.hypot(p.x - cx, p.y - cy));
    const limit = [...far].sort((a, b) => a - b)[Math.floor(0.98 * far.length)];
    network.fit({ nodes: ids.filter((id, i) => far[i] <= limit), animation: false });
  }
  openingView();
  labelsInView(legibleAt(network.getScale()));
  // the labels follow the view: after a zoom or a pan settles, and after every fit, focus and search
  let relabelling = null;
  const relabel = () => legibleAt(network.getScale(), true);
  const relabelSoon = () => {
    clearTimeout(relabelling);
    relabelling = setTimeout(relabel, 150);
  };
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  function fitShown(ids) {
    network.fit({ nodes: ids === undefined ? nodes.getIds().filter(shown) : ids, animation: false });
    relabel();
  }
  network.once("afterDrawing", () => {
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.state = "ready";
  });

  // --- legend and visibility ------------------------------------------------------------------------
  function updateCounts() {
    const body = network.body;
    byId("counts").textContent = ui("counts")(body.nodeIndices.length, data.nodes.length, body.edgeIndices.length, data.edges.length);
  }

  function applyVisibility() {
    const nodeChanges = [];
    nodes.forEach((drawn) => {
      const hidden = !shown(drawn.id);
      if (drawn.hidden !== hidden) nodeChanges.push({ id: drawn.id, hidden: hidden });
    });
    nodes.update(nodeChanges);
    const edgeChanges = [];
    edges.forEach((drawn) => {
      const hidden = !(shown(drawn.from) && shown(drawn.to));
      if (drawn.hidden !== hidden) edgeChanges.push({ id: drawn.id, hidden: hidden });
    });
    edges.update(edgeChanges);
    if (grouped) regroup();
    updateCounts();
  }

  // the legend draws each class as the graph does: its shape in its colour
  const SHAPE_POINTS = {
    triangle: "7,1 13,13 1,13",
    triangleDown: "1,1 13,1 7,13",
    diamond: "7,0 14,7 7,14 0,7",
    hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7",
    star: "7,0 8.8,4.6 13.7,4.8 9.9,7.9 11.2,12.7 7,10 2.8,12.7 4.1,7.9 0.3,4.8 5.2,4.6",
  };

  function shapeIcon(shape, color) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("class", "swatch");
    svg.dataset.shape = shape;
    let mark;
    if (SHAPE_POINTS[shape]) {
      mark = document.createElementNS(svg.namespaceURI, "polygon");
      mark.setAttribute("points", SHAPE_POINTS[shape]);
    } else if (shape === "square") {
      mark = document.createElementNS(svg.namespaceURI, "rect");
      for (const [name, value] of [["x", 1], ["y", 1], ["width", 12], ["height", 12]]) mark.setAttribute(name, value);
    } else {
      mark = document.createElementNS(svg.namespaceURI, "circle");
      for (const [name, value] of [["cx", 7], ["cy", 7], ["r", 6]]) mark.setAttribute(name, value);
    }
    mark.setAttribute("fill", color);
    svg.append(mark);
    return svg;
  }

  function renderLegend() {
    const list = byId("classes");
    list.replaceChildren();
    classes.forEach((cls, i) => {
      const item = element("li");
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = enabled[i];
      box.dataset.classIndex = String(i);
      box.addEventListener("change", () => {
        enabled[i] = box.checked;
        applyVisibility();
      });
      label.append(box, shapeIcon(cls.shape, cls.color), element("span", say(cls.label) + " (" + cls.count + ")"));
      item.append(label);
      list.append(item);
    });
  }

  // --- grouping by class (for graphs too large to read node by node) --------------------------------
  function regroup() {
    ungroup();
    classes.forEach((cls, i) => {
      if (!enabled[i]) return;
      network.cluster({
        joinCondition: (options) => options.cls === i && !options.hidden,
        clusterNodeProperties: {
          id: "class-" + i,
          label: say(cls.label) + " (" + cls.count + ")",
          shape: cls.shape,
          color: cls.color,
          size: 20 + Math.min(30, Math.sqrt(cls.count)),
        },
      });
    });
  }

  function ungroup() {
    // isCluster() logs an error for ids that do not exist, so look the cluster up first
    classes.forEach((cls, i) => {
      const id = "class-" + i;
      if (network.body.nodes[id] !== undefined && network.isCluster(id)) network.openCluster(id);
    });
  }

  byId("group").addEventListener("click", (event) => {
    grouped = !grouped;
    event.target.setAttribute("aria-pressed", String(grouped));
    if (grouped) {
      regroup();
      // one node per class, framed and named legibly (the names had been about 5 px, the view left as it was)
      network.fit({ animation: false });
      const size = LEGIBLE_PX / network.getScale();
      classes.forEach((cls, i) => {
        const id = "class-" + i;
        if (network.body.nodes[id] !== undefined) network.clustering.updateClusteredNode(id, { font: { size: size } });
      });
    } else {
      ungroup();
      fitShown();
    }
    updateCounts();
  });

  // --- panel -----------------------------------------------------------------------------------------
  function sentenceBlock(evidence) {
    const text = sentences[evidence.s];
    const block = element("blockquote", null, "sentence");
    let at = 0;
    evidence.marks.forEach((mark) => {
      const start = Math.max(mark[0], at);
      if (mark[1] <= start) return;
      block.append(document.createTextNode(text.slice(at, start)), element("mark", text.slice(start, mark[1])));
      at = mark[1];
    });
    block.append(document.createTextNode(text.slice(at)));
    return block;
  }

  function evidenceList(list, parent) {
    list.forEach((evidence) => parent.append(sentenceBlock(evidence)));
  }

  function nodeLink(id) {
    const target = nodeById.get(id);
    const link = element("button", say({ en: target.en, ru: target.ru }), "link");
    link.type = "button";
    link.addEventListener("click", () => choose(id));
    return link;
  }

  function valueOf(fact) {
    if (fact.node !== undefined) return nodeById.has(fact.node) ? nodeLink(fact.node) : element("span", fact.text);
    if (fact.href && /^https?:\/\//.test(fact.href)) {
      const anchor = element("a", fact.text);
      anchor.href = fact.href;
      anchor.rel = "noopener noreferrer";
      anchor.target = "_blank";
      return anchor;
    }
    return element("q", fact.text);
  }

  function factItem(fact, subjectId) {
    const item = element("li");
    const line = element("div");
    if (fact.dir === "out") line.append(element("strong", say(fact.p)), document.createTextNode(": "), valueOf(fact));
    else line.append(valueOf(fact), document.createTextNode(" — "), element("strong", say(fact.p)), document.createTextNode(" — "), subjectId ? nodeLink(subjectId) : element("span", ui("self")));
    if (fact.implied) line.append(element("span", ui("implied"), "tag"));
    item.append(line);
    evidenceList(fact.ev, item);
    return item;
  }

  function section(panel, title, items) {
    if (items.length === 0) return;
    panel.append(element("h3", title));
    const list = element("ul");
    items.forEach((item) => list.append(item));
    panel.append(list);
  }

  // a figure or quote about a node: its role, what it is, its words and the sentences that state it
  function relatedItem(entry) {
    const item = element("li");
    item.append(element("div", say(entry.role) + " · " + say(entry.kind)));
    // a quote's words are highlighted in the sentences that hold them: printed once, not again above them
    if (entry.text === undefined || entry.ev.length === 0) {
      item.append(element("div", entry.text !== undefined ? "«" + entry.text + "»" : say(entry.labels)));
    }
    evidenceList(entry.ev, item);
    return item;
  }

  function showNode(id) {
    const info = panels[id];
    const panel = byId("panel");
    panel.replaceChildren();
    panel.dataset.node = id;
    panel.append(element("h2", say(info.labels)));
    panel.append(element("p", info.classes.map(say).join(", "), "class-name"));
    // a hub's neighbours come HUB at a time: the rest on request
    const more = outside(id);
    if (more.length > 0) {
      const button = element("button", ui("more")(say(info.labels), more.length), "more");
      button.type = "button";
      button.addEventListener("click", () => {
        bringIn(more);
        showNode(id);
      });
      panel.append(button);
    }
    // each label under its own language: a transliteration is never shown as the English name
    const names = element("dl");
    [["ru", "russian"], ["en", "english"], ["ru-latn", "transliteration"]].forEach(([code, name]) => {
      if (info.names[code] !== undefined) names.append(element("dt", ui(name)), element("dd", info.names[code]));
    });
    panel.append(names);
    info.wikidata.forEach((qid) => {
      if (!/^Q[0-9]+$/.test(qid)) return;
      const anchor = element("a", "Wikidata " + qid);
      anchor.href = "https://www.wikidata.org/wiki/" + qid;
      anchor.rel = "noopener noreferrer";
      anchor.target = "_blank";
      // append() returns nothing: build the paragraph, then add it
      const line = element("p");
      line.append(anchor);
      panel.append(line);
    });
    panel.append(element("p", info.iri, "iri"));
    // what an article mentions is one line of links: the sentences are in each entity's own panel
    const named = info.facts.filter((fact) => fact.iri === MENTIONS && fact.dir === "out" && fact.ev.length === 0);
    // "‹headline› — mentions — X" without a sentence says no more than the list of articles below: left out there
    const listed = new Set(info.articles.map((entry) => entry.node));
    const facts = info.facts.filter(
      (fact) => !named.includes(fact) && !(fact.iri === MENTIONS && fact.dir === "in" && fact.ev.length === 0 && listed.has(fact.node)),
    );
    const items = facts.map((fact) => factItem(fact, fact.dir === "in" ? id : null));
    if (named.length > 0) {
      const line = element("li");
      line.append(element("strong", say(named[0].p)), document.createTextNode(": "));
      named.forEach((fact, i) => line.append(...(i > 0 ? [document.createTextNode(", ")] : []), valueOf(fact)));
      items.push(line);
    }
    section(panel, ui("facts"), items);
    section(panel, ui("quantities"), info.quantities.map(relatedItem));
    section(panel, ui("quotes"), info.quotes.map(relatedItem));
    const mentions = element("li");
    evidenceList(info.mentions, mentions);
    section(panel, ui("mentioned"), info.mentions.length ? [mentions] : []);
    // the articles that name it: several once the build made one node of their entities
    const article = (entry) => {
      const item = element("li", "", "article");
      item.append(nodeById.has(entry.node) ? nodeLink(entry.node) : element("span", entry.headline));
      if (entry.date) item.append(document.createTextNode(" · " + entry.date.slice(0, 10)));
      return item;
    };
    section(panel, ui("articles"), info.articles.map(article));
  }

  function showEdge(edgeId) {
    const edge = data.edges[Number(edgeId.slice(1))];
    const panel = byId("panel");
    panel.replaceChildren();
    delete panel.dataset.node;
    const heading = element("h2");
    heading.append(nodeLink(edge.from), document.createTextNode(" → "), nodeLink(edge.to));
    panel.append(heading);
    const list = element("ul");
    list.append(edge.q !== undefined ? relatedItem(panels[edge.from].quantities[edge.q]) : factItem(panels[edge.from].facts[edge.f], null));
    panel.append(list);
  }

  // --- selection, focus, search ----------------------------------------------------------------------
  function setSelected(id) {
    selected = id;
    ["hop1", "hop2"].forEach((b) => (byId(b).disabled = id === null));
  }

  function choose(id) {
    bringIn([id, ...outside(id).slice(0, HUB)]);
    if (!inPeriod(id)) {
      // found outside the chosen articles or dates: the filter goes, or the node would stay hidden on a blank view
      chosenArticles = null;
      ["article", "from", "to"].forEach((name) => {
        const input = byId(name);
        if (input) input.value = "";
      });
      applyVisibility();
    }
    if (!shown(id)) {
      focus = null;
      enabled[nodeById.get(id).c] = true;
      byId("show-all").disabled = true;
      renderLegend();
      applyVisibility();
    }
    if (grouped) {
      grouped = false;
      byId("group").setAttribute("aria-pressed", "false");
      ungroup();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    relabel();
    setSelected(id);
    showNode(id);
  }

  network.on("click", (params) => {
    if (params.nodes.length > 0) {
      const id = params.nodes[0];
      if (network.isCluster(id)) {
        network.openCluster(id);
        updateCounts();
        return;
      }
      bringIn(outside(id).slice(0, HUB));
      setSelected(id);
      showNode(id);
    } else if (params.edges.length > 0 && edges.get(params.edges[0])) {
      setSelected(null);
      showEdge(params.edges[0]);
    }
  });

  function focusOn(hops) {
    if (selected === null) return;
    const reached = new Set([selected]);
    let frontier = [selected];
    for (let step = 0; step < hops; step++) {
      const next = [];
      frontier.forEach((id) => neighbours.get(id).forEach((other) => {
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }));
      frontier = next;
    }
    bringIn([...reached].sort((a, b) => rank.get(a) - rank.get(b)).slice(0, OPENING));
    focus = reached;
    byId("show-all").disabled = false;
    applyVisibility();
    fitShown([...reached].filter(shown));
  }
  byId("hop1").addEventListener("click", () => focusOn(1));
  byId("hop2").addEventListener("click", () => focusOn(2));
  byId("show-all").addEventListener("click", () => {
    focus = null;
    byId("show-all").disabled = true;
    applyVisibility();
    fitShown();
  });

  // search: a whole label in any case form first ("Путина" is Путин), then labels whose words all begin so,
  // then any label that holds the text; persons and places before other things, articles last
  const fold = (text) => text.normalize("NFC").toLocaleLowerCase().replace(/ё/g, "е");
  const wordsOf = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // one word in two case forms: the same stem once a Russian ending is taken off ("Путина", "Путину": путин;
  // "Уфе", "Уфы": уф; "Кремле", "Кремль": кремл), or one word is the other's stem ("Токаевым", "Токаев"), or the
  // label's word begins with the four or more letters typed ("Моск"); a shared start alone is not enough
  // ("Трампа" is no "травмы", "Марта" no "маршал")
  const ENDINGS = ["ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией", "ой", "ей", "ом", "ем", "ам",
    "ям", "ах", "ях", "ов", "ев", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ых",
    "их", "ию", "ия", "ии", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й"];
  function stem(word) {
    const ending = ENDINGS.find((e) => word.length - e.length >= 2 && word.endsWith(e));
    return ending === undefined ? word : word.slice(0, -ending.length);
  }
  function sameWord(one, other) {
    if (one === other) return true;
    if (/\p{N}/u.test(one) || /\p{N}/u.test(other)) return false; // 1499 is not 1490
    const a = stem(one), b = stem(other);
    return a === b || a === other || b === one || (one.length >= 4 && other.startsWith(one)); // or typed so far
  }
  const KIND_ORDER = [
    ["https://schema.org/Person"],
    ["https://schema.org/City", "https://schema.org/Country", "https://schema.org/AdministrativeArea", "https://schema.org/Place",
     "https://schema.org/Museum", "https://schema.org/SportsActivityLocation"],
  ];
  const kindRank = (id) => {
    const iri = classes[nodeById.get(id).c].iri;
    if (iri === ARTICLE) return KIND_ORDER.length + 1;
    const found = KIND_ORDER.findIndex((kind) => kind.includes(iri));
    return found < 0 ? KIND_ORDER.length : found;
  };
  const searchable = data.nodes.map((n) => ({
    id: n.id,
    text: fold(n.en + "\u0000" + n.ru),
    labels: [wordsOf(n.ru), wordsOf(n.en)],
  }));
  function closeness(entry, wanted, query) {
    if (entry.labels.some((label) => label.join(" ") === query.join(" "))) return 4;
    let best = entry.text.includes(wanted) ? 1 : 0;
    for (const label of entry.labels) {
      if (!query.every((word) => label.some((other) => sameWord(word, other)))) continue;
      best = Math.max(best, label.length === query.length ? 3 : 2);
    }
    return best;
  }
  function matches(query) {
    const wanted = fold(query.trim());
    const words = wordsOf(query);
    if (!wanted || words.length === 0) return [];
    return searchable
      .map((entry) => [entry.id, closeness(entry, wanted, words)])
      .filter(([, close]) => close > 0)
      .sort((a, b) => b[1] - a[1] || kindRank(a[0]) - kindRank(b[0]) || degree(b[0]) - degree(a[0]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 30)
      .map(([id]) => id);
  }
  const search = byId("search");
  search.addEventListener("input", () => {
    const results = byId("results");
    results.replaceChildren();
    const found = matches(search.value);
    const name = (id) => {
      const n = nodeById.get(id);
      return n.ru === n.en || n.en === n.ru + " (ru)" ? n.ru : n.ru + " / " + n.en;
    };
    // nodes named alike ("полиция" of twelve articles) are told apart by their class, then by an article naming them
    const tally = (line) => {
      const times = new Map();
      found.forEach((id) => times.set(line(id), (times.get(line(id)) || 0) + 1));
      return (id) => times.get(line(id));
    };
    const withClass = (id) => name(id) + " · " + say(classes[nodeById.get(id).c].label);
    const named = tally(name);
    const namedWithClass = tally(withClass);
    const resultName = (id) => {
      if (named(id) === 1) return name(id);
      const first = articlesOf(id)[0];
      const where = namedWithClass(id) > 1 && first !== undefined ? " · " + nodeById.get(first)[language].slice(0, 50) : "";
      return withClass(id) + where;
    };
    found.forEach((id) => {
      const button = element("button", resultName(id));
      button.type = "button";
      button.addEventListener("click", () => {
        results.replaceChildren();
        choose(id);
      });
      const item = element("li");
      item.append(button);
      results.append(item);
    });
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = matches(search.value);
      byId("results").replaceChildren();
      if (found.length > 0) choose(found[0]);
    } else if (event.key === "Escape") {
      byId("results").replaceChildren();
    } else if (event.key === "ArrowDown") {
      const first = byId("results").querySelector("button");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  // the list from the keyboard: arrows move between the results, Escape closes it and goes back to the box
  byId("results").addEventListener("keydown", (event) => {
    const buttons = [...byId("results").querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) search.focus();
      else if (next < buttons.length) buttons[next].focus();
    } else if (event.key === "Escape") {
      byId("results").replaceChildren();
      search.focus();
    }
  });

  // --- layout, language ------------------------------------------------------------------------------
  let frozen = true;
  byId("freeze").addEventListener("click", (event) => {
    frozen = !frozen;
    network.setOptions({ physics: { enabled: !frozen } });
    event.target.textContent = ui(frozen ? "unfreeze" : "freeze");
    event.target.setAttribute("aria-pressed", String(frozen));
  });
  byId("fit").addEventListener("click", () => {
    openingView(); // where the nodes are, not the few far islands that would make everything tiny
    relabel();
  });
  // the page's own words in the chosen language: buttons, headings, the search box, the hint
  function translatePage() {
    document.documentElement.lang = language;
    byId("lang").value = language;
    document.querySelectorAll("[data-ui]").forEach((made) => {
      const key = made.dataset.ui === "unfreeze" && !frozen ? "freeze" : made.dataset.ui;
      if (made.tagName === "INPUT") made.placeholder = ui(key);
      else if (made.tagName !== "SELECT") made.textContent = ui(key);
      made.setAttribute("aria-label", ui(key));
    });
    byId("legend").setAttribute("aria-label", ui("classes"));
  }
  byId("lang").addEventListener("change", (event) => {
    language = event.target.value;
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch (error) {
      // not remembered: the page still works
    }
    translatePage();
    updateCounts();
    nodes.update(
      nodes.getIds().map((id) => {
        const name = nodeById.get(id)[language];
        return { id: id, label: name, title: name };
      }),
    );
    relabel(); // the other language's names have other widths: placed again, not left where the old ones fitted
    edges.update(edges.getIds().map((id) => ({ id: id, label: data.edges[Number(id.slice(1))][language] })));
    renderLegend();
    if (grouped) regroup();
    const panel = byId("panel");
    if (panel.dataset.node) showNode(panel.dataset.node);
  });

  if (articleDate.size > 1) {
    const pick = byId("article");
    [...articleDate.keys()]
      .sort((a, b) => (articleDate.get(a) < articleDate.get(b) ? -1 : articleDate.get(a) > articleDate.get(b) ? 1 : a < b ? -1 : 1))
      .forEach((id) => {
        const option = element("option", (articleDate.get(id) ? articleDate.get(id) + " · " : "") + nodeById.get(id).ru);
        option.value = id;
        pick.append(option);
      });
    byId("period").hidden = false;
    const refilter = () => {
      const one = pick.value;
      const from = byId("from").value;
      const to = byId("to").value;
      if (!one && !from && !to) chosenArticles = null;
      else {
        chosenArticles = new Set([...articleDate.keys()].filter((id) => {
          const date = articleDate.get(id);
          return (!one || id === one) && (!from || (date && date >= from)) && (!to || (date && date <= to));
        }));
        bringIn([...chosenArticles].flatMap((id) => [id, ...outside(id)]).slice(0, OPENING));
      }
      applyVisibility();
      fitShown(); // the chosen articles' nodes framed and named, not left a knot at the view's edge
    };
    [pick, byId("from"), byId("to")].forEach((input) => input.addEventListener("change", refilter));
  }
  translatePage();
  renderLegend();
  updateCounts();
  window.kgraph = { network: network, nodes: nodes, edges: edges, choose: choose };
})();
