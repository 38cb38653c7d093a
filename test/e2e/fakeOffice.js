/* A fake office.js for the browser test: window.Office and window.Excel over an in-memory
 * workbook (window.__workbook), injected before the pane loads. Operations apply at once;
 * load() records nothing and sync() counts (window.__workbook.syncs). Only the API surface the
 * adapter uses is here. */
/* eslint-disable */
(function () {
  "use strict";
  var wb = { sheets: [], names: {}, tables: [], protected: false, active: null, selected: null, syncs: 0, calls: [], runOptions: [], handlers: { changed: [], selected: [] } };
  window.__workbook = wb;

  function colNum(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n;
  }
  function colLetters(n) {
    var s = "";
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function rect(address) {
    var parts = address.replace(/\$/g, "").split(":");
    var a = parts[0], b = parts[1] || parts[0];
    if (/^\d+$/.test(a)) return { top: +a, bottom: +b, left: 1, right: 16384, huge: true };
    if (/^[A-Z]+$/.test(a)) return { top: 1, bottom: 1048576, left: colNum(a), right: colNum(b), huge: true };
    var p = /^([A-Z]+)(\d+)$/.exec(a), q = /^([A-Z]+)(\d+)$/.exec(b);
    return { top: +p[2], left: colNum(p[1]), bottom: +q[2], right: colNum(q[1]) };
  }
  function findSheet(name) {
    for (var i = 0; i < wb.sheets.length; i++) if (wb.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return wb.sheets[i];
    return null;
  }
  function error(code, message) {
    var e = new Error(message);
    e.code = code;
    return e;
  }
  function sheetOrThrow(name) {
    var s = findSheet(name);
    if (!s) throw error("ItemNotFound", "Arket " + name + " findes ikke.");
    return s;
  }
  function guard(s) {
    if (s.protected) throw error("AccessDenied", "Arket er beskyttet.");
  }
  function cell(s, a) {
    if (!s.cells[a]) s.cells[a] = {};
    return s.cells[a];
  }
  function noop() {}
  function sink() {
    // Accepts any property and any call (formats, charts).
    return new Proxy(function () {}, {
      get: function (_t, p) {
        if (p === "load") return function () { return this; };
        return sink();
      },
      set: function () { return true; },
      apply: function () { return sink(); },
    });
  }

  function makeRange(sheetName, address, multi) {
    var areas = multi ? address.split(",").map(rect) : [rect(address)];
    var r = areas[0];
    function each(fn) {
      areas.forEach(function (ar) {
        if (ar.huge) return;
        for (var row = ar.top; row <= ar.bottom; row++) for (var col = ar.left; col <= ar.right; col++) fn(colLetters(col) + row, row - ar.top, col - ar.left);
      });
    }
    function grid(pick) {
      var s = findSheet(sheetName);
      var out = [];
      for (var row = r.top; row <= r.bottom; row++) {
        var line = [];
        for (var col = r.left; col <= r.right; col++) line.push(pick(s && s.cells[colLetters(col) + row]));
        out.push(line);
      }
      return out;
    }
    function write2d(arr, fn) {
      var s = sheetOrThrow(sheetName);
      // Like Excel: on a protected sheet only unlocked cells may be written.
      if (s.protected)
        for (var a = 0; a < arr.length; a++)
          for (var b = 0; b < arr[a].length; b++) {
            var c0 = s.cells[colLetters(r.left + b) + (r.top + a)];
            if (arr[a][b] !== null && !(c0 && c0.locked === false)) guard(s);
          }
      for (var i = 0; i < arr.length; i++)
        for (var j = 0; j < arr[i].length; j++) {
          var v = arr[i][j];
          if (v === null || v === undefined) continue;
          fn(cell(s, colLetters(r.left + j) + (r.top + i)), v);
        }
    }
    function put(c, v) {
      if (typeof v === "string" && /^=/.test(v) && c.numberFormat !== "@") {
        c.formula = v.slice(1);
        delete c.value;
      } else {
        c.value = v === "" ? undefined : v;
        delete c.formula;
      }
    }
    var quoted = /[^A-Za-z0-9_]/.test(sheetName) ? "'" + sheetName + "'" : sheetName;
    var fmt = {
      font: {}, fill: {}, borders: { getItem: function () { return {}; } },
      protection: {},
    };
    Object.defineProperty(fmt.protection, "locked", {
      set: function (v) {
        var s = sheetOrThrow(sheetName);
        each(function (a) { cell(s, a).locked = v; });
      },
    });
    var dv = {
      clear: function () {
        var s = findSheet(sheetName);
        if (s) Object.keys(s.cells).forEach(function (a) { delete s.cells[a].validation; });
      },
    };
    Object.defineProperty(dv, "rule", {
      set: function (rule) {
        var s = sheetOrThrow(sheetName);
        each(function (a) { cell(s, a).validation = rule; });
      },
    });
    var range = {
      address: quoted + "!" + address.split(",")[0],
      rowIndex: r.top - 1,
      columnIndex: r.left - 1,
      isNullObject: false,
      format: fmt,
      dataValidation: dv,
      load: function () { return range; },
      select: function () {
        sheetOrThrow(sheetName);
        wb.active = findSheet(sheetName).name;
        wb.selected = findSheet(sheetName).name + "!" + address;
      },
      conditionalFormats: {
        add: function () {
          var cf = { custom: { rule: {}, format: { font: {}, fill: {} } } };
          sheetOrThrow(sheetName).conditionalFormats.push(cf);
          return cf;
        },
        clearAll: function () { sheetOrThrow(sheetName).conditionalFormats = []; },
      },
      merge: function () { sheetOrThrow(sheetName).merges.push(address); },
      unmerge: function () { sheetOrThrow(sheetName).merges = []; },
      clear: function () {
        var s = sheetOrThrow(sheetName);
        guard(s);
        if (r.huge || address === "A1:XFD1048576") s.cells = {};
        else each(function (a) { delete s.cells[a]; });
      },
      get worksheet() { return makeSheet(sheetName); },
    };
    Object.defineProperty(range, "values", {
      get: function () { return grid(function (c) { return c && c.value !== undefined ? c.value : ""; }); },
      set: function (v) { write2d(v, put); },
    });
    Object.defineProperty(range, "formulas", {
      get: function () { return grid(function (c) { return c && c.formula ? "=" + c.formula : c && c.value !== undefined ? c.value : ""; }); },
      set: function (v) { write2d(v, put); },
    });
    Object.defineProperty(range, "numberFormat", {
      get: function () { return grid(function (c) { return (c && c.numberFormat) || "General"; }); },
      set: function (v) { write2d(v, function (c, f) { c.numberFormat = f; }); },
    });
    return range;
  }

  /** Page setup as office-js has it (ExcelApi 1.9): print area, title rows, header and footer. */
  function newPageLayout() {
    var page = {
      headersFooters: { defaultForAllPages: {} },
      setPrintArea: function (address) { page.printArea = address; },
      setPrintTitleRows: function (rows) { page.printTitleRows = rows; },
    };
    return page;
  }

  function makeSheet(name) {
    var ws = {
      get name() { return (findSheet(name) || { name: name }).name; },
      get id() { return "id-" + (findSheet(name) || { name: name }).name; },
      get pageLayout() { return sheetOrThrow(name).pageLayout; },
      tables: {
        add: function (address) {
          var t = { address: address, sheet: sheetOrThrow(name).name };
          wb.tables.push(t);
          return t;
        },
      },
      load: function () { return ws; },
      protection: {
        get protected() { var s = findSheet(name); return !!(s && s.protected); },
        load: noop,
        protect: function () { sheetOrThrow(name).protected = true; },
        unprotect: function () { sheetOrThrow(name).protected = false; },
      },
      freezePanes: { freezeRows: function (n) { sheetOrThrow(name).frozenRows = n; } },
      charts: { add: function () { sheetOrThrow(name).charts++; return sink(); }, load: noop, items: [] },
      getRange: function (address) { return makeRange(name, address || "A1:XFD1048576"); },
      getRanges: function (address) { return makeRange(name, address, true); },
      getUsedRangeOrNullObject: function () {
        var s = sheetOrThrow(name);
        var top = Infinity, left = Infinity, bottom = 0, right = 0;
        Object.keys(s.cells).forEach(function (a) {
          var c = s.cells[a];
          if (c.value === undefined && c.formula === undefined) return;
          var m = /^([A-Z]+)(\d+)$/.exec(a);
          var row = +m[2], col = colNum(m[1]);
          top = Math.min(top, row); left = Math.min(left, col); bottom = Math.max(bottom, row); right = Math.max(right, col);
        });
        if (bottom === 0) return { isNullObject: true, load: noop, values: [] };
        return makeRange(name, colLetters(left) + top + ":" + colLetters(right) + bottom);
      },
      activate: function () { wb.active = sheetOrThrow(name).name; },
      delete: function () {
        var s = sheetOrThrow(name);
        wb.sheets.splice(wb.sheets.indexOf(s), 1);
      },
    };
    Object.defineProperty(ws, "tabColor", { set: function (c) { sheetOrThrow(name).tabColor = c; } });
    Object.defineProperty(ws, "showGridlines", { set: function (v) { sheetOrThrow(name).gridlines = v; } });
    Object.defineProperty(ws, "visibility", { set: function (v) { sheetOrThrow(name).visibility = v; } });
    ws.horizontalPageBreaks = { add: function (address) { sheetOrThrow(name).rowBreaks.push(address); } };
    return ws;
  }

  var worksheets = {
    load: function () { return worksheets; },
    onChanged: { add: function (h) { wb.handlers.changed.push(h); return { remove: function () {} }; } },
    onSelectionChanged: { add: function (h) { wb.handlers.selected.push(h); return { remove: function () {} }; } },
    get items() { return wb.sheets.map(function (s) { return makeSheet(s.name); }); },
    add: function (name) {
      if (wb.protected) throw error("AccessDenied", "Projektmappen er beskyttet.");
      if (findSheet(name)) throw error("ItemAlreadyExists", "Arket findes allerede.");
      wb.sheets.push({ name: name, cells: {}, merges: [], protected: false, frozenRows: 0, charts: 0, conditionalFormats: [], pageLayout: newPageLayout(), rowBreaks: [], gridlines: true, visibility: "Visible" });
      return makeSheet(name);
    },
    getItem: function (name) { sheetOrThrow(name); return makeSheet(name); },
  };

  function nameKey(n) {
    var keys = Object.keys(wb.names);
    for (var i = 0; i < keys.length; i++) if (keys[i].toLowerCase() === String(n).toLowerCase()) return keys[i];
    return null;
  }
  function namedItem(n) {
    return {
      name: n,
      type: "Range",
      load: noop,
      getRange: function () {
        var ref = wb.names[n].replace(/^=/, "");
        var bang = ref.lastIndexOf("!");
        var sheet = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
        return makeRange(sheet, ref.slice(bang + 1).replace(/\$/g, ""));
      },
      delete: function () { delete wb.names[n]; },
    };
  }
  var names = {
    load: function () { return names; },
    get items() { return Object.keys(wb.names).map(namedItem); },
    add: function (n, ref) {
      if (nameKey(n)) throw error("ItemAlreadyExists", "Navnet findes allerede.");
      wb.names[n] = typeof ref === "string" ? ref : "=" + ref.address;
      return namedItem(n);
    },
    getItem: function (n) {
      var k = nameKey(n);
      if (!k) throw error("ItemNotFound", "Navnet " + n + " findes ikke.");
      return namedItem(k);
    },
  };

  /** Value of a defined name, for assertions. */
  wb.valueOf = function (n) {
    var k = nameKey(n);
    if (!k) return undefined;
    var ref = wb.names[k].replace(/^=/, "");
    var bang = ref.lastIndexOf("!");
    var s = findSheet(ref.slice(0, bang).replace(/^'|'$/g, ""));
    var c = s && s.cells[ref.slice(bang + 1).replace(/\$/g, "")];
    return c ? c.value : undefined;
  };
  wb.addressOf = function (n) {
    var k = nameKey(n);
    return k ? wb.names[k].replace(/^=/, "").replace(/\$/g, "").replace(/'/g, "") : undefined;
  };

  function tableItem(t) {
    return {
      get name() { return t.name; },
      worksheet: { get name() { return t.sheet; } },
      delete: function () { wb.tables.splice(wb.tables.indexOf(t), 1); },
      getRange: function () { return makeRange(t.sheet, t.address); },
    };
  }
  var tables = {
    load: function () { return tables; },
    get items() { return wb.tables.map(tableItem); },
  };

  /** The user types in a cell: the value lands and Excel's change handlers run. */
  wb.type = function (sheet, address, value) {
    var s = sheetOrThrow(sheet);
    var c = cell(s, address);
    c.value = value;
    delete c.formula;
    wb.handlers.changed.forEach(function (h) { h({ worksheetId: "id-" + s.name, address: address, changeType: "RangeEdited", source: "Local" }); });
  };
  /** The user selects a cell in the grid. */
  wb.select = function (sheet, address) {
    var s = sheetOrThrow(sheet);
    wb.active = s.name;
    wb.selected = s.name + "!" + address;
    wb.handlers.selected.forEach(function (h) { h({ worksheetId: "id-" + s.name, address: address }); });
  };

  var context = {
    workbook: {
      worksheets: worksheets,
      names: names,
      tables: tables,
      protection: { get protected() { return wb.protected; }, load: noop },
    },
    application: { suspendApiCalculationUntilNextSync: function () { wb.calls.push("suspend"); } },
    sync: function () { wb.syncs++; return Promise.resolve(); },
  };

  window.Excel = {
    run: function (options, fn) {
      if (typeof options === "function") fn = options;
      else wb.runOptions.push(options);
      return Promise.resolve().then(function () { return fn(context); });
    },
  };
  // The shared runtime's custom-functions registry (functions.js registers into it).
  var registered = {};
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object") Object.assign(registered, id);
      else registered[id] = fn;
    },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  wb.customFunctions = registered;
  // Ribbon commands and shortcuts: the pane registers them here; the test calls them.
  var actions = {};
  wb.actions = actions;
  wb.taskpaneShown = 0;
  wb.settings = {};
  wb.settingsSaved = 0;
  var dark = (typeof location !== "undefined" && /[?&]tema=moerk/.test(location.search)) || window.__fakeDark === true;
  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    actions: { associate: function (id, fn) { actions[id] = fn; } },
    addin: { showAsTaskpane: function () { wb.taskpaneShown++; return Promise.resolve(); } },
    context: {
      host: "Excel",
      displayLanguage: "da-DK",
      requirements: { isSetSupported: function () { return true; } },
      officeTheme: {
        isDarkTheme: dark,
        bodyBackgroundColor: dark ? "#262626" : "#ffffff",
        bodyForegroundColor: dark ? "#ffffff" : "#000000",
        controlBackgroundColor: dark ? "#404040" : "#ffffff",
        controlForegroundColor: dark ? "#ffffff" : "#000000",
      },
      document: {
        addHandlerAsync: function () {},
        // Document settings (saved with the workbook): the pane remembers the pack here.
        settings: {
          get: function (k) { return Object.prototype.hasOwnProperty.call(wb.settings, k) ? wb.settings[k] : null; },
          set: function (k, v) { wb.settings[k] = v; },
          remove: function (k) { delete wb.settings[k]; },
          saveAsync: function (cb) { wb.settingsSaved++; if (cb) cb({ status: "succeeded" }); },
        },
      },
    },
    onReady: function (cb) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      return Promise.resolve().then(function () { if (cb) cb(info); return info; });
    },
  };
})();
