#!/usr/bin/env python3
"""Turns target/bench/results*.json into the benchmark tables (Markdown, on stdout), a summary JSON and
a PNG chart.

    report.py RESULTS.json... [--json=docs/benchmarks.json] [--png=docs/benchmarks.png]
"""
import argparse
import json
import sys


# issue 18's targets for the diff path (incremental dry run, pipeline s / PostgreSQL's best FULL OUTER JOIN)
DIFF_TARGETS = {100_000: 20, 1_000_000: 8, 10_000_000: 3}
CARRIED = ("runners", "api", "bulkStream", "fixedCost")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results", nargs="+", help="one or more results.json files (merged in order)")
    p.add_argument("--json")
    p.add_argument("--png")
    p.add_argument("--previous", help="a summary JSON written before (docs/benchmarks.json): the parts "
                   "(runners, api, bulkStream, fixedCost) the results do not measure are carried from it, "
                   "and listed under carried with the date they were measured")
    a = p.parse_args()
    res = {"runs": [], "sizes": {}}
    machines = []
    for f in a.results:
        part = json.load(open(f))
        res["runs"] += part.get("runs", [])
        res["sizes"].update(part.get("sizes", {}))
        for k in ("runners", "api", "bulkStream", "fixedCost"):
            if part.get(k):
                res.setdefault(k, {}).update(part[k])
        res["jobHeap"] = part.get("jobHeap", res.get("jobHeap"))
        if part.get("machine") and part["machine"] not in machines:
            machines.append(part["machine"])
        res["started"] = min(filter(None, [res.get("started"), part.get("started")]))
        res["finished"] = max(filter(None, [res.get("finished"), part.get("finished")]), default=None)
    runs = {r["label"]: r for r in res["runs"]}
    # the machine type (results from before the field have none); parts from two machines are listed both
    summary = {"started": res.get("started"), "finished": res.get("finished"), "jobHeap": res.get("jobHeap"),
               "machine": machines[0] if len(machines) == 1 else machines or None,
               "sizes": [], "runners": None, "api": None, "targets": []}
    lines = []
    out = lines.append
    for m in machines:
        out(f"Machine: {m['cpuModel'] or 'CPU model unknown'} (family/model {m.get('cpuFamilyModel') or '?'}), "
            f"{m['cores']} cores, {m['memoryGiB']} GiB"
            + (" (**the results come from more than one machine type**)" if len(machines) > 1 else ""))
        out("")

    def run_of(label):
        r = runs.get(label) if label else None
        if not r:
            return None
        rep = r.get("report") or {}
        d = rep.get("durationsMillis", {})
        pipeline = d.get("total")
        if pipeline is None and r.get("seed"):
            pipeline = r["seed"].get("pipelineMillis")
        return {"exit": r["exit"], "wallSeconds": r["wallSeconds"], "peakRssMb": r["peakRssMb"],
                "pipelineSeconds": round(pipeline / 1000, 1) if pipeline is not None else None,
                "stageSeconds": {k: round(v / 1000, 1) for k, v in d.items() if k != "total"},
                "classified": rep.get("classified"), "apiCalls": rep.get("api", {}).get("totalCalls"),
                "http429": rep.get("api", {}).get("http429"), "strategy": (rep.get("strategy") or {}).get("strategy")}

    def found(row):
        """The changes each side found, against the churn the generator made (UPSERT: deletes are SKIPPED)."""
        s = res["sizes"].get(str(row["rows"]), {})
        b = s.get("baseline") or {}
        k = (row.get("incrementalDry") or {}).get("classified") or {}
        pg = (b.get("updates"), b.get("inserts"), b.get("deletes"))
        ours = (k.get("UPDATE"), k.get("INSERT"), (k.get("DELETE") or 0) + (k.get("SKIPPED") or 0) if k else None)
        c = row.get("churn") or {}
        made = (c.get("updates"), c.get("inserts"), c.get("deletes"))
        ok = "✓" if pg == made and ours == made else "**≠ churn**"
        return f"{'/'.join(map(str, pg))}, {'/'.join(map(str, ours))} {ok}"

    def fmt(x, unit=""):
        return "–" if x is None else f"{x:,}{unit}" if isinstance(x, int) else f"{x}{unit}"

    # --- per size ---------------------------------------------------------------------------------
    out("| rows | run | what it includes | exit | wall s | pipeline s | read / classify / write done at s | peak RSS MB |")
    out("|---:|---|---|---:|---:|---:|---|---:|")
    what = {
        "fullSyncNoWrites": "full sync, writer acknowledges every change without a call (seeds the snapshot)",
        "fullSync": "full sync with its writes: bulk ETL executions into the emulator (limits raised)",
        "incrementalDry": "incremental, `--dryRun`: read + diff + plan (the diff path)",
        "incremental": "incremental with its writes (AUTO → bulk ETL execution, limits raised)",
    }
    for n, s in sorted(res.get("sizes", {}).items(), key=lambda kv: (kv[1].get("rows", 0), kv[0])):
        label = s.get("label") or f"{s['rows']:,}"
        row = {"rows": s["rows"], "label": label, "churn": s.get("churn"), "snapshot": s.get("snapshot"),
               "baselineMillis": (s.get("baseline") or {}).get("millis"), "profile": s.get("profile"),
               # the JFR-profiled dry run is a run of its own: its times are listed, never the headline
               "profileRun": run_of(s.get("profileRun"))}
        for key in ("fullSyncNoWrites", "fullSync", "incrementalDry", "incremental"):
            r = run_of(s.get(key))
            row[key] = r
            if r:
                st = r["stageSeconds"]
                stages = " / ".join(fmt(st.get(k)) for k in ("read", "classify", "write"))
                out(f"| {label} | {s.get(key)} | {what[key]} | {r['exit']} | {r['wallSeconds']} | "
                    f"{fmt(r['pipelineSeconds'])} | {stages} | {fmt(r['peakRssMb'])} |")
        b = s.get("baseline")
        dry = row["incrementalDry"]
        if b and dry and dry["pipelineSeconds"]:
            best = b["bestMillis"] / 1000
            row["baselineBestSeconds"] = best
            row["ratioPipeline"] = round(dry["pipelineSeconds"] / best, 1) if best else None
            row["ratioWall"] = round(dry["wallSeconds"] / best, 1) if best else None
            inc = row["incremental"]
            if inc and best:  # issue 18: the incremental run with its writes, whole JVM, against the same join
                row["ratioIncrementalWall"] = round(inc["wallSeconds"] / best, 1)
        summary["sizes"].append(row)
    out("")
    out("| rows | changes (upd / ins / del) | PostgreSQL FULL OUTER JOIN s (runs) | ours: incremental dry run, pipeline s | "
        "ours / PostgreSQL (pipeline) | ours / PostgreSQL (whole JVM) | snapshot B/row | "
        "found upd / ins / del: PostgreSQL, ours |")
    out("|---:|---|---|---:|---:|---:|---:|---|")
    for row in summary["sizes"]:
        c = row.get("churn") or {}
        dry = row.get("incrementalDry") or {}
        if not c:
            continue
        out(f"| {row['label']} | {c.get('changes', 0):,} ({c.get('updates')} / {c.get('inserts')} / {c.get('deletes')}) | "
            f"{fmt(row.get('baselineBestSeconds'))} ({row.get('baselineMillis')} ms) | {fmt(dry.get('pipelineSeconds'))} | "
            f"{fmt(row.get('ratioPipeline'))} | {fmt(row.get('ratioWall'))} | "
            f"{fmt((row.get('snapshot') or {}).get('bytesPerRow'))} | {found(row)} |")

    # --- runners ------------------------------------------------------------------------------------
    rr = res.get("runners")
    if rr:
        f, d, dn = run_of(rr.get("flink")), run_of(rr.get("direct")), run_of(rr.get("directNoEnforce"))
        summary["runners"] = {"rows": rr["rows"], "flink": f, "direct": d, "directNoEnforce": dn,
                              "directProfile": rr.get("directProfile")}
        for k in ("directKilledAfterSeconds", "directNoEnforceKilledAfterSeconds", "note"):
            if rr.get(k):
                summary["runners"][k] = rr[k]
        if f and not d and rr.get("directKilledAfterSeconds"):
            summary["runners"]["ratioWallAtLeast"] = round(rr["directKilledAfterSeconds"] / f["wallSeconds"], 1)
            out("")
            out("| runner | rows (full sync, `--dryRun`) | wall s | pipeline s | peak RSS MB |")
            out("|---|---:|---:|---:|---:|")
            out(f"| Flink (embedded) | {rr['rows']:,} | {f['wallSeconds']} | {f['pipelineSeconds']} | {f['peakRssMb']} |")
            out(f"| Direct | {rr['rows']:,} | > {rr['directKilledAfterSeconds']} (killed unfinished) | – | – |")
            if rr.get("directNoEnforceKilledAfterSeconds"):
                out(f"| Direct, `--enforceImmutability=false --enforceEncodability=false` | {rr['rows']:,} | "
                    f"> {rr['directNoEnforceKilledAfterSeconds']} (killed unfinished) | – | – |")
            out(f"| **Direct / Flink** | | **> {summary['runners']['ratioWallAtLeast']}** | | |")
        if f and dn:
            summary["runners"]["ratioNoEnforcePipeline"] = round(dn["pipelineSeconds"] / f["pipelineSeconds"], 1)
            summary["runners"]["ratioNoEnforceWall"] = round(dn["wallSeconds"] / f["wallSeconds"], 1)
        if f and d:
            summary["runners"]["ratioPipeline"] = round(d["pipelineSeconds"] / f["pipelineSeconds"], 1)
            summary["runners"]["ratioWall"] = round(d["wallSeconds"] / f["wallSeconds"], 1)
            out("")
            out("| runner | rows (full sync, `--dryRun`) | wall s | pipeline s | peak RSS MB |")
            out("|---|---:|---:|---:|---:|")
            for name, r in (("Flink (embedded)", f), ("Direct", d), ("Direct, `--enforceImmutability=false --enforceEncodability=false`", dn)):
                if r:
                    out(f"| {name} | {rr['rows']:,} | {r['wallSeconds']} | {r['pipelineSeconds']} | {r['peakRssMb']} |")
            out(f"| **Direct / Flink** | | **{summary['runners']['ratioWall']}** | "
                f"**{summary['runners']['ratioPipeline']}** | |")
            if dn:
                out(f"| **Direct without enforcements / Flink** | | **{summary['runners']['ratioNoEnforceWall']}** | "
                    f"**{summary['runners']['ratioNoEnforcePipeline']}** | |")

    # --- API efficiency ------------------------------------------------------------------------------
    api = res.get("api")
    if api:
        summary["api"] = {"limits": api["limits"], "picks": api.get("picks"), "csvBytesPerRow": api.get("csvBytesPerRow")}
        out("")
        out("| strategy | changed rows | writer calls | calls / 1,000 rows | all calls incl. token + preflight | "
            "write phase s | achieved calls/min (share of 90) | max calls in a sliding minute (share of 90) | "
            "peak concurrent | 429 (concurrency) | 429 seen by the writer |")
        out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for strategy in ("RECORDS", "BULK"):
            x = api.get(strategy)
            if not x:
                continue
            r = run_of(x["run"])
            st = r["stageSeconds"]
            em = x["emulator"]
            write_s = (st.get("write") or 0) - (st.get("classify") or 0)
            rate = r["apiCalls"] / (write_s / 60) if write_s > 0 and strategy == "RECORDS" else None
            row = {"rows": x["rows"], "writerCalls": r["apiCalls"],
                   "callsPer1000": round(1000.0 * r["apiCalls"] / x["rows"], 1),
                   "allCalls": em["totalCalls"], "writeSeconds": round(write_s, 1),
                   "achievedPerMinute": round(rate, 1) if rate else None,
                   "achievedShare": round(rate / 90, 3) if rate else None,
                   "maxCallsInSlidingMinute": em["maxCallsInSlidingMinute"],
                   "slidingShare": round(em["maxCallsInSlidingMinute"] / 90, 3),
                   "peakConcurrent": em["peakConcurrent"], "served429Concurrency": em["served429Concurrency"],
                   "writer429": r["http429"], "wallSeconds": r["wallSeconds"], "byRoute": em["byRoute"]}
            summary["api"][strategy] = row
            out(f"| {strategy} | {row['rows']:,} | {row['writerCalls']} | {row['callsPer1000']} | {row['allCalls']} | "
                f"{row['writeSeconds']} | {fmt(row['achievedPerMinute'])} ({fmt(pct(row['achievedShare']))}) | "
                f"{row['maxCallsInSlidingMinute']} ({pct(row['slidingShare'])}) | {row['peakConcurrent']} | "
                f"{row['served429Concurrency']} | {row['writer429']} |")
        if api.get("picks"):
            out("")
            out(f"| changed rows | AUTO picks | estimated calls | estimated wall time | why (≈{api.get('csvBytesPerRow')} CSV bytes/row) |")
            out("|---:|---|---:|---:|---|")
            for pk in api["picks"]:
                c = pk["choice"]
                out(f"| {pk['changes']:,} | {c['strategy']} | {c['estimatedCalls']:,} | {human(c['estimatedSeconds'])} | "
                    f"{c['reason']} |")

    # --- issue 16: the streaming bulk run ----------------------------------------------------------------
    bs = res.get("bulkStream")
    if bs:
        run = run_of(bs["run"])
        files = bs.get("files") or []
        summary["bulkStream"] = {"rows": bs["rows"], "heap": bs["heap"], "run": run, "files": files,
                                 "emulatorRecords": bs.get("emulatorRecords"),
                                 "etlExecutions": (bs.get("emulator") or {}).get("byRoute", {}).get("POST /etl-executions")}
        out("")
        out("| rows | job heap | exit | wall s | pipeline s | peak RSS MB | files (rows, bytes) | records in the emulator |")
        out("|---:|---|---:|---:|---:|---:|---|---:|")
        sizes = "; ".join(f"{f['rows']:,} rows, {f['bytes']:,} B" for f in files)
        out(f"| {bs['rows']:,} | {bs['heap']} | {run['exit']} | {run['wallSeconds']} | {fmt(run['pipelineSeconds'])} | "
            f"{run['peakRssMb']:,} | {sizes} | {bs.get('emulatorRecords')} |")

    # --- issue 18: the fixed cost of a small run ---------------------------------------------------------
    fc = res.get("fixedCost")
    if fc:
        summary["fixedCost"] = fc
        out("")
        out(f"| {fc['rows']:,}-row dry run: JVM flags | wall s median | wall s min | CPU s median | runs |")
        out("|---|---:|---:|---:|---:|")
        for name, v in (fc.get("variants") or {}).items():
            if v.get("error"):
                out(f"| {name} | {v['error']} | | | |")
                continue
            out(f"| {v.get('jvmFlags') or '(none: the default command line)'} | {v['wallSecondsMedian']} | "
                f"{v['wallSecondsMin']} | {v['cpuSecondsMedian']} | {len(v['runs'])} |")

    if a.previous:
        prev = json.load(open(a.previous))
        summary["carried"] = {}
        for k in CARRIED:
            if not summary.get(k) and prev.get(k):
                summary[k] = prev[k]
                summary["carried"][k] = ((prev.get("carried") or {}).get(k) or (prev[k].get("measured") if isinstance(prev[k], dict) else None)
                                          or prev.get("started"))
        if summary["carried"]:
            out("")
            out("Not measured in this run, carried from the previous summary (measured at): "
                + ", ".join(f"{k} ({v})" for k, v in summary["carried"].items()))

    # --- targets -------------------------------------------------------------------------------------
    t = summary["targets"]
    for row in summary["sizes"]:
        if row["rows"] == 1_000_000 and row.get("ratioIncrementalWall") is not None:
            w = row["ratioIncrementalWall"]
            t.append({"target": "1,000,000-row incremental run, wall / PostgreSQL ≤ 12", "value": w, "met": w <= 12})
        if row["rows"] == 10_000_000:
            done = {k: (row.get(k) or {}).get("exit") == 0 for k in ("fullSyncNoWrites", "incrementalDry", "incremental")}
            ok = all(done.values())
            value = ", ".join(f"{k}: {'completed' if v else 'not measured or failed'}" for k, v in done.items())
            t.append({"target": "10,000,000 rows complete with -Xmx4g", "value": value,
                      "met": ok if ok or not done["fullSyncNoWrites"] else "partly"})
        limit = DIFF_TARGETS.get(row["rows"])
        if row.get("ratioPipeline") is not None and limit:
            t.append({"target": f"diff ours / PostgreSQL ≤ {limit} at {row['label']} rows", "value": row["ratioPipeline"],
                      "met": row["ratioPipeline"] <= limit})
        if row.get("snapshot"):
            v = row["snapshot"]["bytesPerRow"]
            t.append({"target": f"snapshot ≤ 64 B/row at {row['label']} rows", "value": v, "met": v <= 64})
    if summary.get("bulkStream"):
        b = summary["bulkStream"]
        ok = b["run"]["exit"] == 0 and b["emulatorRecords"] == b["rows"] and all(
            f["bytes"] <= 100 * 1024 * 1024 for f in b["files"])
        t.append({"target": f"{b['rows']:,} changes through BULK with {b['heap']}, each file ≤ 100 MB",
                  "value": f"exit {b['run']['exit']}, {len(b['files'])} files, {b['emulatorRecords']} records",
                  "met": ok})
    if summary.get("api") and summary["api"].get("RECORDS"):
        x = summary["api"]["RECORDS"]
        t.append({"target": "achieved call rate ≥ 90 % of the budget (records)", "value": x["achievedShare"],
                  "met": (x["achievedShare"] or 0) >= 0.9})
        c429 = sum(summary["api"][s]["served429Concurrency"] for s in ("RECORDS", "BULK") if s in summary["api"])
        t.append({"target": "429s caused by our own concurrency = 0", "value": c429, "met": c429 == 0})
    out("")
    out("| target | measured | met |")
    out("|---|---:|---|")
    for x in t:
        met = x["met"] if isinstance(x["met"], str) else ("yes" if x["met"] else "**no**")
        out(f"| {x['target']} | {x['value']} | {met} |")
    print("\n".join(lines))
    summary["markdown"] = lines
    if a.json:
        json.dump(summary, open(a.json, "w"), indent=2)
    if a.png:
        chart(summary, a.png)


def pct(x):
    return None if x is None else f"{100 * x:.0f} %"


def human(s):
    return f"{s // 3600}h{(s % 3600) // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


def chart(summary, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    sizes = summary["sizes"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5))
    kinds = [("fullSyncNoWrites", "full sync, no writes"), ("fullSync", "full sync + bulk writes"),
             ("incrementalDry", "incremental, dry run (diff)"), ("incremental", "incremental + writes")]
    width = 0.8 / len(kinds)
    for i, (k, label) in enumerate(kinds):
        xs, ys = [], []
        for j, row in enumerate(sizes):
            if row.get(k):
                xs.append(j + i * width)
                ys.append(row[k]["wallSeconds"])
        bars = ax1.bar(xs, ys, width, label=label)
        ax1.bar_label(bars, fmt="%.0f", fontsize=7)
    ax1.set_xticks([j + 0.4 - width / 2 for j in range(len(sizes))])
    ax1.set_xticklabels([row["label"] for row in sizes], fontsize=8)
    ax1.set_yscale("log")
    ax1.set_xlabel("rows (W = 10, 1 % churn)")
    ax1.set_ylabel("wall time of the JVM, s (log)")
    ax1.axhline(60, color="red", linestyle="--", linewidth=0.8)
    ax1.text(-0.3, 63, "60 s target (1M incremental)", color="red", fontsize=7)
    ax1.legend(fontsize=8)
    ax1.set_title("End-to-end time per run (Flink jar, embedded cluster)")
    names, vals = [], []
    for row in sizes:
        if row.get("ratioPipeline") is not None:
            names.append(f"diff vs PostgreSQL\n{row['label']}")
            vals.append(row["ratioPipeline"])
    r = summary.get("runners")
    if r and r.get("ratioPipeline"):
        names.append(f"Direct vs Flink\n{r['rows']:,}")
        vals.append(r["ratioPipeline"])
    elif r and r.get("ratioWallAtLeast"):
        names.append(f"Direct vs Flink (wall)\n{r['rows']:,}: at least")
        vals.append(r["ratioWallAtLeast"])
    has_r = bool(r and (r.get("ratioPipeline") or r.get("ratioWallAtLeast")))
    bars = ax2.bar(range(len(vals)), vals,
                   color=["tab:blue"] * (len(vals) - (1 if has_r else 0)) + (["tab:gray"] if has_r else []))
    ax2.bar_label(bars, fmt="%.1f×", fontsize=8)
    ax2.set_xticks(range(len(vals)))
    ax2.set_xticklabels(names, fontsize=8)
    ax2.axhline(3, color="red", linestyle="--", linewidth=0.8)
    ax2.text(-0.4, 3.3, "≤ 3× target (diff)", color="red", fontsize=7)
    ax2.set_ylabel("ratio (log)")
    ax2.set_yscale("log")
    ax2.set_title("Ratios: ours / PostgreSQL FULL OUTER JOIN; Direct / Flink")
    fig.tight_layout()
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    sys.exit(main())
