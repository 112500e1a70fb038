// The engine run's scenario, ES5 (loaded after the app by tools/engine/run.ts): the runner and the phone. Settings
// arrive from the phone, a tap starts a long run fed a real trace at its recorded times, one snooze, two taps end
// it, the phone acknowledges the summary, then short runs back to back on successive stretches of the trace
// (tools/engine/run.ts chooses them, and the snooze's time). It prints what it sees as "@@" lines for
// run.ts: heap marks (live heap after a full collection), taps, acknowledgements.
(function (P, H) {
  var cursor = 0;
  var traceT0 = traceLength() > 0 ? traceT(0) : 0;
  /** The first sample of the stretch of trace the current run is fed. */
  var runT0 = traceT0;

  function mark(label) {
    gc();
    var live = heapAllocated();
    var checkpoint = fsRead("run.json");
    print("@@heap " + label + " " + live + " " + heapPeak() + " " + (checkpoint === undefined ? 0 : checkpoint.length));
  }

  function tap(id) {
    var el = H.elements[id];
    print("@@tap " + id + " " + H.now() + " " + (el && el.onclick ? "bound" : "unbound"));
    if (el && el.onclick) H.call("tap " + id, el.onclick, { type: "click" });
  }

  /** The sensor's reports for second i of the trace: the samples recorded since second i - 1, each once. */
  function feedSecond(i) {
    while (cursor < traceLength() && traceT(cursor) - runT0 <= i) {
      var bpm = traceBpm(cursor++);
      for (var s = 0; s < H.hrSensors.length; s++) {
        var sensor = H.hrSensors[s];
        if (!sensor.activated) continue;
        sensor.heartRate = bpm > 0 ? bpm : null;
        H.fire(sensor, "reading", { type: "reading" });
      }
    }
  }

  function printFs(label) {
    print("@@fs " + label + " " + H.fs.writes + " " + H.fs.renames + " " + H.fs.unlinks + " " + H.fs.reads);
  }

  function receiveFile(name, text) {
    H.inboxQueue.push({ name: name, text: text });
    H.fire(H.inbox, "newfile", { type: "newfile" });
  }

  /** The phone takes every queued run file, stores it, and acknowledges it with the ack file. */
  function phoneAcknowledges() {
    var ids = [];
    while (H.sent.length) {
      var transfer = H.sent.shift();
      transfer.readyState = "transferred";
      H.fire(transfer, "change", { type: "change" });
      var m = /^rg-run-(.+)\.json$/.exec(transfer.name);
      if (m) ids.push(m[1]);
    }
    if (ids.length) receiveFile("rg-ack.json", '{"v":1,"type":"ack","ids":["' + ids.join('","') + '"]}');
    H.advance(1000);
    for (var i = 0; i < ids.length; i++) print("@@acked " + ids[i] + " " + (fsExists("run-" + ids[i] + ".txt") ? "kept" : "deleted"));
    if (!ids.length) print("@@acked none");
  }

  /** One run fed the trace from offsetS seconds after its first sample. */
  function run(label, seconds, snoozeAtS, offsetS) {
    cursor = 0;
    while (cursor < traceLength() && traceT(cursor) - traceT0 < offsetS) cursor++;
    runT0 = cursor < traceLength() ? traceT(cursor) : traceT0;
    tap("start-btn");
    for (var i = 0; i < seconds; i++) {
      if (i === snoozeAtS) tap("snooze-btn");
      feedSecond(i);
      if (H.clock.ontick && i % 60 === 59) H.call("tick", H.clock.ontick, { date: new Date() });
      H.advance(1000);
      if (P.markEveryS && i % P.markEveryS === P.markEveryS - 1) mark(label + "-" + (i + 1) + "s");
    }
    tap("end-btn");
    H.advance(1000);
    tap("end-btn");
    H.advance(1000);
    phoneAcknowledges();
  }

  mark("after-load");
  H.advance(2000);
  receiveFile("rg-settings.json", P.settingsText);
  H.advance(1000);
  mark("after-settings");
  printFs("before-long-run");
  heapResetPeak();
  run("long", P.longRunS, P.snoozeAtS, 0);
  mark("after-long-run");
  print("@@phase long-run-peak " + heapPeak());
  printFs("long-run");
  heapResetPeak();
  var saved = P.markEveryS;
  P.markEveryS = 0;
  for (var r = 1; r <= P.shortRuns; r++) {
    run("short" + r, P.shortRunS, -1, P.shortRunOffsetsS[r - 1]);
    mark("after-run-" + r);
  }
  P.markEveryS = saved;
  print("@@phase short-runs-peak " + heapPeak());
  printFs("all");
  print("@@done " + H.buzzes + " " + H.uncaught + " " + H.logs);
})(__engineParams, __host);
