// The actor network: /api/graph drawn with cytoscape (vendored); clicks open actors and evidence.
(function () {
  "use strict";
  var KIND_COLOURS = {
    state: "#1f77b4", government: "#1f77b4", ministry: "#4a90c2", military: "#2f5d8a",
    armed_group: "#d62728", political_party: "#9467bd", igo: "#2ca02c", ngo: "#17becf",
    religious_body: "#8c564b", media: "#7f7f7f", ethnic_group: "#bcbd22", person: "#ff7f0e"
  };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function query() {
    var form = document.getElementById("graph-filters");
    var params = new URLSearchParams(new FormData(form));
    ["since", "until", "isolated"].forEach(function (k) { if (!params.get(k)) { params.delete(k); } });
    return params;
  }

  function showActor(panel, node) {
    panel.replaceChildren();
    panel.appendChild(el("h2", node.data("label")));
    if (node.data("name_ar")) { panel.appendChild(el("p", node.data("name_ar"), { lang: "ar", dir: "rtl" })); }
    panel.appendChild(el("p", (node.data("kind") || "") + " · " + node.data("weight") + " events"));
    var link = el("a", "Actor page →", { href: "/actors/" + encodeURIComponent(node.id()) });
    panel.appendChild(link);
    var list = el("ul");
    node.connectedEdges().forEach(function (edge) {
      list.appendChild(el("li", edge.source().data("label") + " → " + edge.target().data("label") + ": " + edge.data("label")));
    });
    panel.appendChild(list);
  }

  function showEdge(panel, edge, params) {
    panel.replaceChildren();
    panel.appendChild(el("h2", edge.source().data("label") + " → " + edge.target().data("label")));
    panel.appendChild(el("p", edge.data("label") + (edge.data("first") ? " · " + edge.data("first") + " – " + edge.data("last") : "")));
    if (edge.data("kind") !== "event") { return; }
    var status = el("p", "Loading the evidence…");
    panel.appendChild(status);
    var q = new URLSearchParams({ actor: edge.data("source"), limit: "1000", include_negative: "false" });
    ["since", "until"].forEach(function (k) { if (params.get(k)) { q.set(k, params.get(k)); } });
    fetch("/api/events?" + q.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        var rows = (page.items || []).filter(function (e) {
          return e.source_key === edge.data("source") && e.target_key === edge.data("target") &&
            edge.data("types").indexOf(e.type) >= 0;
        });
        status.textContent = rows.length + " events";
        var list = el("ol", "", { "class": "evidence" });
        rows.forEach(function (e) {
          var item = el("li");
          item.appendChild(el("span", e.type + " · " + (e.day || "undated") + " · "));
          item.appendChild(el("a", "article", { href: "/documents/" + encodeURIComponent(e.doc_id) + "#ev-" + e.id }));
          item.appendChild(el("blockquote", e.sentence || e.trigger_text, { lang: "ar", dir: "rtl" }));
          list.appendChild(item);
        });
        panel.appendChild(list);
      })
      .catch(function () { status.textContent = "Could not load the evidence."; });
  }

  function draw(data, params) {
    var count = document.getElementById("graph-count");
    var box = document.getElementById("cy");
    // Actors whose events have no known other side would fill the canvas with loose dots.
    var linked = {};
    data.edges.forEach(function (e) { linked[e.source] = true; linked[e.target] = true; });
    var hidden = 0;
    if (!params.get("isolated")) {
      var all = data.nodes;
      data.nodes = all.filter(function (n) { return linked[n.id]; });
      hidden = all.length - data.nodes.length;
    }
    box.setAttribute("data-nodes", data.nodes.length);
    box.setAttribute("data-edges", data.edges.length);
    count.replaceChildren(el("span", String(data.nodes.length), { id: "node-count" }), document.createTextNode(" actors, "),
      el("span", String(data.edges.length), { id: "edge-count" }), document.createTextNode(" links"));
    if (hidden) { count.appendChild(document.createTextNode(" (" + hidden + " actors without links hidden)")); }
    if (!data.nodes.length) {
      count.appendChild(document.createTextNode(" — nothing in this window."));
      return;
    }
    var maxWeight = Math.max.apply(null, data.nodes.map(function (n) { return n.weight || 0; }).concat([1]));
    var elements = data.nodes.map(function (n) {
      n.size = 18 + 30 * Math.sqrt((n.weight || 0) / maxWeight);
      n.colour = KIND_COLOURS[n.kind] || "#555";
      return { group: "nodes", data: n };
    }).concat(data.edges.map(function (e) { return { group: "edges", data: e }; }));
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", width: "data(size)",
          height: "data(size)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom",
          "text-margin-y": 4, color: "#222", "text-background-color": "#fff", "text-background-opacity": 0.8,
          "text-background-padding": 2 } },
        { selector: "edge", style: { width: "mapData(weight, 1, 10, 1.5, 7)", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "line-color": "#d9534f", "target-arrow-color": "#d9534f", opacity: 0.8 } },
        { selector: "edge[kind = 'relation']", style: { "line-color": "#999", "target-arrow-color": "#999",
          "line-style": "dashed" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#000", "line-color": "#000",
          "target-arrow-color": "#000" } }
      ],
      layout: { name: "cose", animate: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: 40000,
        idealEdgeLength: 110, componentSpacing: 80, padding: 30, randomize: false }
    });
    var panel = document.getElementById("evidence");
    cy.on("tap", "node", function (event) { showActor(panel, event.target); });
    cy.on("tap", "edge", function (event) { showEdge(panel, event.target, params); });
    cy.on("dbltap", "node", function (event) {
      window.location.href = "/actors/" + encodeURIComponent(event.target.id());
    });
    window.rasidGraph = cy;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var params = query();
    var api = new URLSearchParams(params);
    api.delete("isolated");
    fetch("/api/graph?" + api.toString(), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { return r.json().then(function (body) { throw new Error(body.error || r.statusText); }); }
        return r.json();
      })
      .then(function (data) { draw(data, params); })
      .catch(function (err) { document.getElementById("graph-count").textContent = "Could not load the network: " + err.message; });
  });
})();
