// Search as the reader types, from the site's own /search-index.json (written by `verdict build`; nothing
// is loaded from elsewhere). The header's box is an ARIA combobox: arrow keys move through the results,
// Enter opens one (or, with none chosen, the search page), Escape closes the list. The search page
// (form[data-search-form]) lists every result and reads ?q=. Without JavaScript the header's form
// leads to the models list and the search page says where to browse instead.
(function () {
  "use strict";

  var header = document.querySelector("form.site-search[data-search-index]");
  if (!header || !window.fetch) return;
  var root = header.getAttribute("data-search-root") || "/";
  var indexURL = header.getAttribute("data-search-index");
  var searchPage = header.getAttribute("data-search-page");
  var KINDS = { review: "Review", model: "Benchmarked model", usecase: "Use case", capability: "Capability" };
  var ORDER = { review: 0, model: 1, usecase: 2, capability: 3 };
  var loading = null;

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The index, fetched once, on first use.
  function load() {
    if (!loading) {
      loading = fetch(indexURL).then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      }).then(function (index) {
        return index.entries.map(function (row) {
          var title = normalise(row[1]);
          return { kind: row[0], title: row[1], url: root + row[2], detail: row[3], titleText: title,
                   text: title + " " + normalise(row[4]), order: ORDER[row[0]] || 9 };
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // How well one word of the query matches: 0 starts the title, 1 starts a word of the title,
  // 2 starts another word (id, vendor, tag), 3 anywhere; -1 nowhere.
  function wordScore(entry, word) {
    if (entry.titleText.indexOf(word.text) === 0) return 0;
    if (entry.text.indexOf(word.text) < 0) return -1;
    if (word.starts.test(entry.titleText)) return 1;
    if (word.starts.test(entry.text)) return 2;
    return 3;
  }

  function search(entries, query) {
    // Each word's "starts a word" pattern is made once per query, not once per entry.
    var words = normalise(query).split(/\s+/).filter(Boolean).map(function (text) {
      return { text: text, starts: new RegExp("(^|[\\s\\-_./(])" + text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) };
    });
    if (!words.length) return [];
    var found = [];
    entries.forEach(function (entry) {
      var total = 0;
      for (var i = 0; i < words.length; i++) {
        var score = wordScore(entry, words[i]);
        if (score < 0) return;
        total += score;
      }
      found.push({ entry: entry, score: total });
    });
    found.sort(function (a, b) {
      return a.score - b.score || a.entry.order - b.entry.order || a.entry.title.localeCompare(b.entry.title);
    });
    return found.map(function (hit) { return hit.entry; });
  }

  function resultLink(entry) {
    var link = document.createElement("a");
    link.href = entry.url;
    var title = document.createElement("span");
    title.className = "search-title";
    title.textContent = entry.title;
    var detail = document.createElement("span");
    detail.className = "search-detail";
    detail.textContent = (KINDS[entry.kind] || entry.kind) + (entry.detail ? " · " + entry.detail : "");
    link.appendChild(title);
    link.appendChild(document.createTextNode(" "));
    link.appendChild(detail);
    return link;
  }

  function countText(count, query) {
    return count === 0 ? "No results for “" + query + "”." : count + (count === 1 ? " result" : " results") + " for “" + query + "”.";
  }

  function pageURL(query) {
    return searchPage + "?q=" + encodeURIComponent(query);
  }

  // The header's combobox.
  (function combobox() {
    var input = header.querySelector("input[type=search]");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = header.querySelector("[data-search-status]");
    var LIMIT = 8;
    var active = -1;
    var shown = [];
    var asked = 0;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      Array.prototype.forEach.call(all, function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function render(query, results) {
      list.textContent = "";
      shown = results.slice(0, LIMIT);
      shown.forEach(function (entry, i) {
        var option = document.createElement("li");
        option.setAttribute("role", "option");
        option.id = "site-search-option-" + i;
        option.setAttribute("aria-selected", "false");
        var link = resultLink(entry);
        link.tabIndex = -1;
        option.appendChild(link);
        list.appendChild(option);
      });
      var more = document.createElement("li");
      more.setAttribute("role", "option");
      more.id = "site-search-option-all";
      more.setAttribute("aria-selected", "false");
      more.className = "search-all";
      var link = document.createElement("a");
      link.href = pageURL(query);
      link.tabIndex = -1;
      link.textContent = results.length > LIMIT ? "All " + results.length + " results →" : results.length ? "Open on the search page →" : "No results · search page →";
      more.appendChild(link);
      list.appendChild(more);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = countText(results.length, query);
    }

    function update() {
      var query = input.value.trim();
      var ticket = ++asked;
      if (!query) { close(); status.textContent = ""; return; }
      load().then(function (entries) {
        if (ticket === asked) render(query, search(entries, query));
      }, function () {
        if (ticket === asked) status.textContent = "Search is not available: the index could not be loaded.";
      });
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () { load(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) { update(); return; }
        event.preventDefault();
        activate(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options()[active].querySelector("a").href;
      }
    });
    header.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      if (query) window.location.href = pageURL(query);
    });
    // Clicking a result follows its link; leaving the box any other way closes the list.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    input.addEventListener("blur", close);
  })();

  // The search page: every result, and ?q= kept in the address so a search can be shared.
  (function page() {
    var form = document.querySelector("form[data-search-form]");
    if (!form) return;
    var input = form.querySelector("input[type=search]");
    var results = document.querySelector("[data-search-results]");
    var status = document.getElementById(input.getAttribute("aria-describedby"));
    var asked = 0;

    function update() {
      var query = input.value.trim();
      var ticket = ++asked;
      if (window.history.replaceState) {
        window.history.replaceState(null, "", query ? pageURL(query) : searchPage);
      }
      if (!query) { results.textContent = ""; status.textContent = ""; return; }
      load().then(function (entries) {
        if (ticket !== asked) return;
        var found = search(entries, query);
        results.textContent = "";
        found.forEach(function (entry) {
          var item = document.createElement("li");
          item.appendChild(resultLink(entry));
          results.appendChild(item);
        });
        status.textContent = countText(found.length, query);
      }, function () {
        if (ticket === asked) status.textContent = "Search is not available: the index could not be loaded.";
      });
    }

    var query = new URLSearchParams(window.location.search).get("q");
    if (query) input.value = query;
    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    if (query) update();
  })();
})();
