/// The site's one script, served as a file from this site (the CSP allows no other and no inline
/// script). Every page works without it; it only makes the pickers (`Picker`) search while the
/// user types. It writes names with `textContent`, never as markup.
enum Script {
    static let js = #"""
    "use strict";
    document.querySelectorAll("fieldset[data-picker]").forEach(function (box) {
      var search = box.querySelector(".picker-search input");
      var button = box.querySelector(".picker-search button");
      var picked = box.querySelector("ul.picked");
      var found = box.querySelector("ul.found");
      var multiple = box.dataset.multiple === "true";
      var timer = null, asked = null, justChosen = false;
      if (!search || !picked || !found) { return; }
      if (button) { button.hidden = true; }
      search.setAttribute("role", "combobox");
      search.setAttribute("aria-expanded", "false");

      function chosen(id) {
        return Array.prototype.some.call(picked.querySelectorAll("input"), function (input) { return input.value === id && input.checked; });
      }
      function choose(option) {
        if (!multiple) {
          picked.querySelectorAll("input").forEach(function (input) { input.checked = false; });
        }
        var item = document.createElement("li");
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = multiple ? "checkbox" : "radio";
        input.name = box.dataset.name;
        input.value = option.id;
        input.checked = true;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + option.label));
        item.appendChild(label);
        picked.appendChild(item);
        search.value = "";
        show([]);
        justChosen = true;
        search.focus();
      }
      function show(options) {
        found.textContent = "";
        options.filter(function (option) { return !chosen(option.id); }).forEach(function (option) {
          var item = document.createElement("li");
          var choice = document.createElement("button");
          choice.type = "button";
          choice.className = "pick";
          choice.textContent = "+ " + option.label;
          choice.addEventListener("click", function () { choose(option); });
          item.appendChild(choice);
          found.appendChild(item);
        });
        search.setAttribute("aria-expanded", found.children.length > 0 ? "true" : "false");
      }
      function lookUp() {
        var text = search.value.trim();
        if (text === asked) { return; }
        asked = text;
        fetch(box.dataset.picker + "&q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (options) { if (text === asked) { show(options); } })
          .catch(function () { show([]); });
      }
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(lookUp, 150);
      });
      // An empty field lists the first names, so a short list (topics, account managers) can be browsed.
      search.addEventListener("focus", function () {
        if (justChosen) { justChosen = false; return; }
        if (search.value.trim() === "") { lookUp(); }
      });
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          clearTimeout(timer);
          asked = null;
          lookUp();
        } else if (event.key === "ArrowDown" && found.querySelector("button")) {
          event.preventDefault();
          found.querySelector("button").focus();
        }
      });
    });
    """#
}
