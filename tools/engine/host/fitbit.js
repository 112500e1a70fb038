// The engine run's Fitbit, in plain ES5 for JerryScript (tools/engine/run.ts loads it before the app). It shares
// the app's 64 KB heap, so it is minimal: stand-ins for the device modules the app requires, a virtual clock with
// timers (the engine has none), console, require. File contents and the trace live in the C host (host.c), off
// the heap, as on a watch. Everything the driver (driver.js) needs is on one global, __host; nothing else is
// global but what the app expects (the app's minified top-level names are globals too: keep clear of them).
(function (global) {
  var RealDate = Date;
  var nowMs = global.__engineParams ? global.__engineParams.startMs : 0;
  var timers = [];
  var nextTimerId = 1;
  var H = {
    uncaught: 0,
    buzzes: 0,
    fs: { writes: 0, renames: 0, unlinks: 0, reads: 0 },
    elements: {},
    hrSensors: [],
    bodySensors: [],
    inboxQueue: [],
    sent: [],
    logs: 0,
  };

  function report(where, e) {
    H.uncaught++;
    print("@@uncaught " + where + " " + (e && e.message !== undefined ? e.name + ": " + e.message : String(e)));
  }

  /** Call fn(arg) as the device would call an app callback: an error it throws is reported, not fatal. */
  function call(where, fn, arg) {
    try { fn(arg); } catch (e) { report(where, e); }
  }

  // ---- virtual clock and event loop ----
  function VirtualDate(y, mo, d, h, mi, s, ms) {
    if (!(this instanceof VirtualDate)) return String(new RealDate(nowMs));
    if (arguments.length === 0) return new RealDate(nowMs);
    if (arguments.length === 1) return new RealDate(y);
    return new RealDate(y, mo, d === undefined ? 1 : d, h || 0, mi || 0, s || 0, ms || 0);
  }
  VirtualDate.now = function () { return nowMs; };
  VirtualDate.UTC = RealDate.UTC;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.prototype = RealDate.prototype;
  global.Date = VirtualDate;

  function addTimer(fn, ms, every) {
    var delay = Math.max(every ? 1 : 0, Number(ms) || 0);
    var id = nextTimerId++;
    timers.push({ id: id, at: nowMs + delay, every: every ? delay : 0, fn: fn });
    return id;
  }
  function clearTimer(id) {
    for (var i = 0; i < timers.length; i++) if (timers[i].id === id) { timers.splice(i, 1); return; }
  }
  global.setTimeout = function (fn, ms) { return addTimer(fn, ms, false); };
  global.setInterval = function (fn, ms) { return addTimer(fn, ms, true); };
  global.clearTimeout = clearTimer;
  global.clearInterval = clearTimer;

  H.setNow = function (ms) { nowMs = ms; };
  H.now = function () { return nowMs; };
  /** Let ms pass, running every timer due on the way, in time order. */
  H.advance = function (ms) {
    var end = nowMs + ms;
    for (;;) {
      var next = null;
      for (var i = 0; i < timers.length; i++) if (timers[i].at <= end && (next === null || timers[i].at < next.at)) next = timers[i];
      if (next === null) break;
      nowMs = next.at;
      if (next.every) next.at += next.every;
      else clearTimer(next.id);
      call("timer", next.fn);
    }
    nowMs = end;
  };

  function log(level) {
    return function (message) { H.logs++; print("@@log " + level + " " + message); };
  }
  global.console = { log: log("log"), info: log("info"), warn: log("warn"), error: log("error"), debug: log("debug") };

  // ---- events ----
  function listen(type, fn) {
    var l = this._listeners || (this._listeners = {});
    (l[type] || (l[type] = [])).push(fn);
  }
  H.fire = function (target, type, event) {
    var l = target._listeners && target._listeners[type];
    if (l) for (var i = 0; i < l.length; i++) call(type, l[i], event);
  };

  /** A resolved promise, enough for the app's enqueue(...).then(...).catch(...): Promise is not in ES5.1. */
  function resolved(value) {
    return {
      then: function (ok) {
        setTimeout(function () { ok(value); }, 0);
        return { "catch": function () {} };
      },
      "catch": function () { return this; },
    };
  }

  // ---- the device modules ----
  function Sensor(list) {
    this.activated = false;
    list.push(this);
  }
  Sensor.prototype.start = function () { this.activated = true; };
  Sensor.prototype.stop = function () { this.activated = false; };
  Sensor.prototype.addEventListener = listen;
  function HeartRateSensor() { Sensor.call(this, H.hrSensors); this.heartRate = null; }
  HeartRateSensor.prototype = new Sensor([]);
  function BodyPresenceSensor() { Sensor.call(this, H.bodySensors); this.present = true; }
  BodyPresenceSensor.prototype = new Sensor([]);

  function fileKey(name) {
    var s = String(name);
    return s.indexOf("/private/data/") === 0 ? s.slice(14) : s;
  }
  function mustRead(name) {
    var text = fsRead(fileKey(name));
    if (text === undefined) throw new Error("Couldn't find file: " + name);
    H.fs.reads++;
    return text;
  }
  var fsModule = {
    existsSync: function (name) { return fsExists(fileKey(name)); },
    readFileSync: function (name, encoding) {
      var text = mustRead(name);
      return encoding === "json" || encoding === "cbor" ? JSON.parse(text) : text;
    },
    writeFileSync: function (name, data, encoding) {
      var text = encoding === "json" || encoding === "cbor" ? JSON.stringify(data) : String(data);
      if (!fsWrite(fileKey(name), text)) throw new Error("Failed to write " + name);
      H.fs.writes++;
    },
    renameSync: function (from, to) {
      if (!fsRename(fileKey(from), fileKey(to))) throw new Error("Couldn't find file: " + from);
      H.fs.renames++;
    },
    unlinkSync: function (name) {
      if (!fsUnlink(fileKey(name))) throw new Error("Couldn't find file: " + name);
      H.fs.unlinks++;
    },
    listDirSync: function () {
      var names = fsList();
      var i = 0;
      return { next: function () { return i < names.length ? { done: false, value: names[i++] } : { done: true, value: undefined }; } };
    },
  };

  var inbox = {
    addEventListener: listen,
    nextFile: function () {
      var f = H.inboxQueue.shift();
      if (f === undefined) return undefined;
      fsWrite(f.name, f.text);
      return f.name;
    },
  };
  var outbox = {
    enqueueFile: function (path, name) {
      mustRead(path);
      var transfer = { name: name || path, readyState: "pending", addEventListener: listen };
      H.sent.push(transfer);
      return resolved(transfer);
    },
  };

  var display = { on: true, addEventListener: listen };
  var clock = { granularity: "off", ontick: null };
  var me = { permissions: { granted: function () { return true; } }, onunload: null };
  var peerSocket = {
    OPEN: 0, CLOSED: 1, readyState: 1, MAX_MESSAGE_SIZE: 1027, bufferedAmount: 0, addEventListener: listen,
    send: function () { throw new Error("Peer socket is not open"); },
  };

  /**
   * The device modules the app may require: the one list of them in the engine run. (The project's
   * simulated Fitbit, sim/modules.ts DEVICE_MODULES, serves the same names: tests/unit/engine.test.ts checks.)
   */
  var modules = {
    "appbit": { me: me },
    "body-presence": { BodyPresenceSensor: BodyPresenceSensor },
    "clock": { "default": clock },
    "display": { display: display },
    "document": { "default": { getElementById: function (id) { return H.elements[id] || (H.elements[id] = { style: {} }); } } },
    "file-transfer": { inbox: inbox, outbox: outbox },
    "fs": fsModule,
    "haptics": { vibration: { start: function (pattern) { H.buzzes++; print("@@buzz " + nowMs + " " + pattern); }, stop: function () {} } },
    "heart-rate": { HeartRateSensor: HeartRateSensor },
    // The watch reads its language table natively (not from the JS heap); the msgids are the English text.
    "i18n": { gettext: function (id) { return id; } },
    "messaging": { peerSocket: peerSocket },
    "user-profile": { user: { age: undefined, restingHeartRate: undefined, maxHeartRate: undefined } },
  };
  global.require = function (name) {
    if (!modules.hasOwnProperty(name)) throw new Error("Cannot find module " + name + " (not among the engine host's stand-ins)");
    return modules[name];
  };

  H.call = call;
  H.display = display;
  H.clock = clock;
  H.inbox = inbox;
  global.__host = H;
})(this);
